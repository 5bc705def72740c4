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
