using UglyToad.PdfPig;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>report weekly|appreciation|staffing</c> as an operator runs it: the worker executable on a store
/// with twenty weeks of demo history and a trained forecast, one PDF per call.
/// </summary>
public sealed class ReportCommandTests(DemoStore store) : IClassFixture<DemoStore>
{
    [Fact]
    public async Task Weekly_ForATeam_WritesTheTeamsReportWithItsAgents()
    {
        var output = store.Folder.File("wp.pdf");

        var (exit, text) = await store.RunAsync("report", "weekly", "--team", "Workplace", "--week", "2026-W47", "--out", output);

        Assert.True(exit == 0, text);
        Assert.Contains("pages written to", text, StringComparison.Ordinal);
        Reports.Tests.Support.Qpdf.AssertValid(File.ReadAllBytes(output), output);
        var pdf = PdfText(output);
        Assert.Contains("Weekly workload report", pdf, StringComparison.Ordinal);
        Assert.Contains("Workplace · 2026-W47", pdf, StringComparison.Ordinal);
        Assert.Contains(store.AgentOf("Workplace"), pdf, StringComparison.Ordinal);

        // The agent on long-term leave is shown as on leave, and the per-agent average says it leaves them out.
        Assert.Matches($@"{store.AbsentAgent} 0 0 0 0\.0 on leave 0", pdf);
        Assert.Contains("agent at work ", pdf, StringComparison.Ordinal); // the tile "Open tickets per agent at work", on two lines
        Assert.Contains($"left out of the per-agent figures and the team's capacity: {store.AbsentAgent}.", pdf, StringComparison.Ordinal);
        var team = store.History.Team("Workplace", new Analytics.Calendar.IsoWeek(2026, 47))!;
        Assert.Equal(1, team.AgentsOnLeave);
        Assert.Equal((double)team.Backlog / (team.AgentsOnStaff - 1), team.WipPerAgent!.Value, 6);
    }

    [Theory]
    [InlineData("department")]
    [InlineData("Department")]
    public async Task Staffing_ForTheDepartmentByName_WritesTheDepartmentsReportWithoutNames(string team)
    {
        var output = store.Folder.File($"staffing-{team}.pdf");

        var (exit, text) = await store.RunAsync("report", "staffing", "--team", team, "--week", "2026-W47", "--out", output);

        Assert.True(exit == 0, text);
        var pdf = PdfText(output);
        Assert.Contains("Staffing forecast", pdf, StringComparison.Ordinal);
        Assert.Contains("Department · 2026-W47", pdf, StringComparison.Ordinal);
        Assert.DoesNotContain(store.AgentOf("Workplace"), pdf, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExistingFile_IsNeverOverwritten()
    {
        var output = store.Folder.File("taken.pdf");
        await File.WriteAllTextAsync(output, "a report a reader was sent");

        var (exit, text) = await store.RunAsync("report", "appreciation", "--team", "Workplace", "--week", "2026-W47", "--out", output);

        Assert.Equal(2, exit);
        Assert.Contains("already exists", text, StringComparison.Ordinal);
        Assert.Equal("a report a reader was sent", await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task UnknownTeam_ExitsTwoAndNamesTheTeamsAndTheDepartment()
    {
        var (exit, text) = await store.RunAsync("report", "appreciation", "--team", "Nowhere", "--week", "2026-W47");

        Assert.Equal(2, exit);
        Assert.Contains("no team named 'Nowhere'", text, StringComparison.Ordinal);
        Assert.Contains("Service Desk", text, StringComparison.Ordinal);
        Assert.Contains("\"department\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    private static string PdfText(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }
}
