using System.Globalization;
using Worker.Tests.Reporting;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>metrics</c> and <c>overload</c> as an operator runs them on twenty weeks of demo history, in which
/// Workplace is overloaded during the last six weeks: the tables hold the calculator's figures, flags come
/// with reasons that carry figures (which rules fire is the detector's tests' business), and agents appear
/// only when asked for.
/// </summary>
public sealed class WorkloadCommandTests(DemoStore store) : IClassFixture<DemoStore>
{
    [Fact]
    public async Task Metrics_ForATeam_PrintsTheWeeksFigures()
    {
        var expected = store.History.Team("Workplace", ReportingHarness.Week)!;

        var (exit, output) = await store.RunAsync("metrics", "--team", "Workplace", "--week", "2026-W47");

        Assert.True(exit == 0, output);
        var row = Cells(output, "2026-W47");
        Assert.Equal(
            [expected.Incoming, expected.Resolved, expected.PassedOn, expected.Backlog],
            row.Skip(1).Take(4).Select(c => int.Parse(c, CultureInfo.InvariantCulture)));
        Assert.DoesNotContain(store.AgentOf("Workplace"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithAgents_AddsTheTeamsOwnAgents()
    {
        var (exit, output) = await store.RunAsync("metrics", "--team", "Workplace", "--week", "2026-W47", "--agents");

        Assert.True(exit == 0, output);
        Assert.Contains(store.AgentOf("Workplace"), output, StringComparison.Ordinal);
        Assert.DoesNotContain(store.AgentOf("Service Desk"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overload_FlagsTheOverloadedTeamWithReasons_AndNamesNoAgentUnlessAsked()
    {
        var (exit, output) = await store.RunAsync("overload", "--week", "2026-W47");

        Assert.True(exit == 0, output);
        var workplace = Cells(output, "Workplace");
        Assert.True(workplace[1] is "warning" or "critical", string.Join(" | ", workplace));
        Assert.True(workplace.Length == 3 && workplace[2].Any(char.IsDigit), output);
        Assert.DoesNotContain(store.AgentOf("Workplace"), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_UnknownTeam_ExitsTwoAndListsTheTeams()
    {
        var (exit, output) = await store.RunAsync("metrics", "--team", "Nowhere", "--week", "2026-W47");

        Assert.Equal(2, exit);
        Assert.Contains("no team named 'Nowhere'", output, StringComparison.Ordinal);
        Assert.Contains("Workplace", output, StringComparison.Ordinal);
    }

    /// <summary>The cells of the table row whose first cell is <paramref name="first"/>.</summary>
    private static string[] Cells(string output, string first)
    {
        var line = output.Split('\n').First(l => l.TrimStart().StartsWith("│ " + first + " ", StringComparison.Ordinal));
        return [.. line.Split('│', StringSplitOptions.RemoveEmptyEntries).Select(c => c.Trim()).Where(c => c.Length > 0)];
    }
}
