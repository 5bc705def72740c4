using Analytics.Privacy;
using Reports.Documents;
using Reports.Tests.Support;

namespace Reports.Tests.Documents;

public sealed class WeeklyWorkloadReportTests
{
    [Fact]
    public void TeamReport_HasEverySectionAndTheFixturesFigures()
    {
        var model = ReportFixtures.Weekly(ReportScope.ForTeam("Workplace"), "Workplace");

        using var pdf = RenderedPdf.Render(WeeklyWorkloadReport.Compose(model, TestFonts.Default), "weekly-team");

        var text = pdf.AllCompactText();
        foreach (var section in new[] { "Summary", "Overloadsignals", "Flowofwork", "Servicelevelsandageing", "Per-agentload", "Whenworkarrives", "Workbehindthescenes", "Thecomingweeks", "Dataquality", "Howthefiguresaredefined" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        // Week 47: 300 in, 240 resolved, backlog 80 + 60 x 6 = 440 (up 60 from 380), SLA 71%.
        Assert.Contains("Workplacereceived300ticketsin2026-W47andresolved240.", text, StringComparison.Ordinal);
        Assert.Contains("Theopenbackloggrewby60to440tickets", text, StringComparison.Ordinal);
        Assert.Contains("71%", text, StringComparison.Ordinal);
        Assert.Contains("Incomingexceededresolvedfor6weeksrunning:+360tickets(backlog80→440)", text, StringComparison.Ordinal);
        Assert.Contains("TimBakker", text, StringComparison.Ordinal);
        Assert.Contains("Holds95opentickets", text, StringComparison.Ordinal);
        Assert.Contains("Testedfrom12pastweeks,thisforecastwasusuallywithin±24ticketsaweek,and8of10weeksfellinsidetheshaded80%band", text, StringComparison.Ordinal);
        Assert.Contains("4ticketshavenoteam", text, StringComparison.Ordinal);
        Assert.True(pdf.PageCount >= 6, $"{pdf.PageCount} pages");
        Assert.Contains("Page1of" + pdf.PageCount, pdf.CompactText(1), StringComparison.Ordinal);
    }

    [Fact]
    public void DepartmentReport_ShowsTeamsNotPeople_AndMergesSmallTeamsIntoOneRow()
    {
        var model = ReportFixtures.Weekly(ReportScope.Department, "Department");

        using var pdf = RenderedPdf.Render(WeeklyWorkloadReport.Compose(model, TestFonts.Default), "weekly-department");

        var text = pdf.AllCompactText();
        Assert.Contains("Teamsthisweek", text, StringComparison.Ordinal);
        Assert.Contains("Smallerteams(2teams,5people)", text, StringComparison.Ordinal);
        Assert.Contains("Smallerteams(2teams,5people)addsupDeskandTiny.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tinynotshown", text, StringComparison.Ordinal);
        Assert.Contains("Departmentreceived1,212ticketsin2026-W47", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Per-agentload", text, StringComparison.Ordinal);
        foreach (var agent in ReportFixtures.Agents)
        {
            Assert.DoesNotContain(RenderedPdf.Compact(agent.Name), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WithoutForecast_TheReportSaysSo()
    {
        var model = ReportFixtures.Weekly(ReportScope.ForTeam("Desk"), "Desk", withForecast: false);

        using var pdf = RenderedPdf.Render(WeeklyWorkloadReport.Compose(model, TestFonts.Default), "weekly-no-forecast");

        Assert.Contains("Noforecastisavailableyet", pdf.AllCompactText(), StringComparison.Ordinal);
    }

    [Fact]
    public void SmallTeamSeenByAnotherScope_PrintsNoFigures()
    {
        var model = ReportFixtures.Weekly(ReportScope.ForAgent("Ivo Tiny", "Tiny"), "Tiny");

        using var pdf = RenderedPdf.Render(WeeklyWorkloadReport.Compose(model, TestFonts.Default), "weekly-suppressed");

        var text = pdf.AllCompactText();
        Assert.Contains("FiguresforTinyarenotshown:theywoulddescribefewerthan3people.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("RiaSmall", text, StringComparison.Ordinal);
    }
}
