using Analytics.Privacy;
using Reports.Documents;
using Reports.Tests.Support;

namespace Reports.Tests.Documents;

public sealed class AppreciationReportTests
{
    [Fact]
    public void NoCustomerFeedbackInTheData_SaysSo_InsteadOfCountingZeroThankYous()
    {
        var model = ReportFixtures.Appreciation(ReportScope.ForTeam("Workplace"), "Workplace");
        model = model with { View = model.View with { ThankYous = [], FeedbackInData = false } };

        using var pdf = RenderedPdf.Render(AppreciationReport.Compose(model, TestFonts.Default), "appreciation-no-feedback");

        var page = pdf.CompactText(1);
        Assert.True(page.Contains("Thank-yous:no", StringComparison.Ordinal) && page.Contains("feedbackinthedata", StringComparison.Ordinal), page);
        Assert.DoesNotContain("0Thank-yousthisquarter", page, StringComparison.Ordinal);
    }

    [Fact]
    public void TeamReport_CountsTheWorkBehindTheScenes_AndNamesTheTeamsOwnPeople()
    {
        var model = ReportFixtures.Appreciation(ReportScope.ForTeam("Workplace"), "Workplace");

        using var pdf = RenderedPdf.Render(AppreciationReport.Compose(model, TestFonts.Default), "appreciation-team");

        var text = pdf.AllCompactText();
        foreach (var section in new[] { "Summary", "Theworkbehindthescenes", "Recognition", "Contributions", "Problemssolved", "Thank-yous", "Howthisiscounted", "Dataquality" })
        {
            Assert.Contains(section, text, StringComparison.Ordinal);
        }

        // A week of the fixture: 188 h in all, of which 60 h user incidents: 128 h (68%) behind the scenes.
        Assert.Contains("In2026-W47,68%ofWorkplace's188hofworkwenttothingsusersneversee(128h).", text, StringComparison.Ordinal);
        Assert.Contains("SannedeVriesresolved3priority-1incidents.", text, StringComparison.Ordinal);
        Assert.Contains("TimBakkercarriedout5changesafterhours,noneofwhichcausedanincident.", text, StringComparison.Ordinal);
        Assert.Contains("PRB0010042", text, StringComparison.Ordinal);
        Assert.Contains("“ThanksTim,yousavedmypresentation!Sannehelpedtoo.”", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kees", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ivo", text, StringComparison.Ordinal);
    }

    [Fact]
    public void DepartmentReport_HasTeamHighlightsButNoNames()
    {
        var model = ReportFixtures.Appreciation(ReportScope.Department, "Department");

        using var pdf = RenderedPdf.Render(AppreciationReport.Compose(model, TestFonts.Default), "appreciation-department");

        var text = pdf.AllCompactText();
        Assert.Contains("Resolved4priority-1incidents.", text, StringComparison.Ordinal);
        // Desk shares the smaller teams' row: its own figure (31 thank-yous) would give Tiny's away from the row's.
        Assert.DoesNotContain("Received31thank-yousincustomerfeedback.", text, StringComparison.Ordinal);
        Assert.Contains("Smallerteams(2teams,5people)", text, StringComparison.Ordinal);
        Assert.Contains("Smallerteams(2teams,5people)addsupDeskandTiny.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tinynotshown", text, StringComparison.Ordinal);
        Assert.Contains("“Thanks[colleague],yousavedmypresentation![colleague]helpedtoo.”", text, StringComparison.Ordinal);
        foreach (var agent in ReportFixtures.Agents)
        {
            Assert.DoesNotContain(RenderedPdf.Compact(agent.Name), text, StringComparison.Ordinal);
            Assert.DoesNotContain(agent.Name.Split(' ')[0], text, StringComparison.Ordinal);
        }
    }
}
