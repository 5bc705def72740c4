using Analytics.Forecasting.Staffing;
using Analytics.Privacy;
using Reports.Documents;
using Reports.Tests.Support;

namespace Reports.Tests.Documents;

public sealed class StaffingReportTests
{
    [Fact]
    public void TeamReport_SetsNeededAgainstAvailableStaff_AndPricesTheOptions()
    {
        var model = ReportFixtures.Staffing(ReportScope.ForTeam("Workplace"), "Workplace");

        using var pdf = RenderedPdf.Render(StaffingReport.Compose(model, TestFonts.Default), "staffing-team");

        var text = pdf.AllCompactText();
        foreach (var section in new[] { "Summary", "Options", "Thecomingweeks", "Bycategory", "Howthefiguresaremade", "Dataquality" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        // 12 weeks of 280 tickets: 3,360; 336 h a week; 12 FTE needed against 10; short by 2 in all 12 weeks.
        Assert.Contains("Overthenext12weeks(2026-W48to2027-W06)Workplaceisexpectedtoreceiveabout3,360tickets,needing336hands-onhoursaweek:12.0FTEagainst10.0available.Itisshortin12ofthe12weeks,by2.0FTEonaverageinthoseweeks.", text, StringComparison.Ordinal);
        Assert.Contains("Testedfrom12pastweeks,thisforecastwasusuallywithin±24ticketsaweek,and8of10weeksfellinsidetheshaded80%band", text, StringComparison.Ordinal);
        Assert.Contains("Add2FTE", text, StringComparison.Ordinal);
        Assert.Contains("Deferplannedchanges", text, StringComparison.Ordinal);
        Assert.Contains("Hardware", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DepartmentReport_ListsTeams_AndMergesSmallOnesIntoOneRow()
    {
        var model = ReportFixtures.Staffing(ReportScope.Department, "Department");

        using var pdf = RenderedPdf.Render(StaffingReport.Compose(model, TestFonts.Default), "staffing-department");

        var text = pdf.AllCompactText();
        Assert.Contains("Smallerteams(2teams,5people)", text, StringComparison.Ordinal);
        Assert.Contains("Smallerteams(2teams,5people)addsupDeskandTiny.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tinynotshown", text, StringComparison.Ordinal);
        Assert.Contains("Workplace12.010.0−2.012", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DepartmentTiles_KeepTeamsShortAndTeamsSpareApart_InsteadOfNettingThem()
    {
        var model = ReportFixtures.Staffing(ReportScope.Department, "Department");
        // Workplace and the smaller teams' row (Desk and Tiny) are short every week; Spare has 2 FTE more than it needs.
        var spare = model.Teams[0].Weeks!.Select(w => w with { Team = "Spare", AvailableFte = w.NeededFte + 2 }).ToList();
        model = model with { View = model.View with { Teams = [.. model.Teams, new TeamStaffing("Spare", spare)] } };

        using var pdf = RenderedPdf.Render(StaffingReport.Compose(model, TestFonts.Default), "staffing-department-tiles");

        var text = pdf.AllCompactText();
        Assert.Contains("−4.2FTEshort,average:2teams", text, StringComparison.Ordinal);
        Assert.Contains("+2.0FTEtospare,average:1team", text, StringComparison.Ordinal);
        Assert.DoesNotContain("FTEtospare,average" + "−", text, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCapacity_IsSaidInWords_WithNoGapNoShortWeeksAndNoOptions()
    {
        var known = ReportFixtures.Staffing(ReportScope.ForTeam("Group 70"), "Group 70");
        var model = known with { View = known.View with { Weeks = [.. known.Weeks.Select(w => w with { AvailableHours = null, AvailableFte = null })], Scenarios = [] } };

        using var pdf = RenderedPdf.Render(StaffingReport.Compose(model, TestFonts.Default), "staffing-unknown-capacity");

        var text = pdf.AllCompactText();
        Assert.Contains("12.0FTEagainstanunknowncapacity", text, StringComparison.Ordinal);
        Assert.Contains("FTEavailable:unknown", text, StringComparison.Ordinal);
        Assert.Contains("2026-W4828033033612.0unknownunknown", text, StringComparison.Ordinal);
        Assert.DoesNotContain("short", text, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0available", text, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAModel_TheReportSaysWhy()
    {
        var model = ReportFixtures.Staffing(ReportScope.ForTeam("Desk"), "Desk", withModel: false);

        using var pdf = RenderedPdf.Render(StaffingReport.Compose(model, TestFonts.Default), "staffing-missing");

        Assert.Contains("Nostaffingforecastyet:theforecastingmodelhasnotbeentrained", pdf.AllCompactText(), StringComparison.Ordinal);
    }
}
