using Analytics.Calendar;
using Analytics.Tests.Support;
using Analytics.Workload;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Analytics.Tests.Workload;

/// <summary>The overload rules on the demo department, whose overloaded team and calm months are known.</summary>
public sealed class DemoOverloadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OverloadedTeam_IsFlaggedWithReasonsInEachOfItsLastFourWeeks()
    {
        var (history, detector) = await DemoHistoryAsync();
        var scenario = DemoData.Default.Scenario;

        foreach (var week in IsoWeek.Range(scenario.LastWeek.AddWeeks(-3), scenario.LastWeek))
        {
            var flag = Assert.Single(detector.Detect(history, week).Teams, f => f.Team == scenario.OverloadedTeam);
            output.WriteLine($"{week} {flag.Team} {flag.Severity}: {string.Join(" | ", flag.Reasons.Select(r => r.Text))}");
            Assert.Contains(flag.Reasons, r => r.Rule == "backlog-growth");
            Assert.True(flag.Severity >= FlagSeverity.Warning);
        }
    }

    [Fact]
    public async Task OverloadedTeamsAgents_AreFlaggedForWorkInProgressAndHours()
    {
        var (history, detector) = await DemoHistoryAsync();
        var scenario = DemoData.Default.Scenario;

        var flags = detector.Detect(history, scenario.LastWeek).Agents.Where(a => a.Team == scenario.OverloadedTeam).ToList();

        Assert.True(flags.Count >= 5, $"{flags.Count} agents flagged");
        Assert.Contains(flags, f => f.Reasons.Any(r => r.Rule == "agent-wip"));
        Assert.Contains(flags, f => f.Reasons.Any(r => r.Rule == "agent-hours"));
        Assert.DoesNotContain(flags, f => f.Agent == scenario.AbsentAgent);
    }

    [Fact]
    public async Task CalmStretch_FlagsNoTeam()
    {
        // Late winter and spring of the second year: no holidays, no onboarding wave, no major incident.
        var (history, detector) = await DemoHistoryAsync();
        var weeks = IsoWeek.Range(new IsoWeek(2026, 4), new IsoWeek(2026, 11)).ToList();

        var flags = weeks.SelectMany(w => detector.Detect(history, w).Teams).ToList();

        Assert.Equal(8, weeks.Count);
        Assert.True(flags.Count == 0, string.Join(Environment.NewLine, flags.Select(f => $"{f.Week} {f.Team}: {string.Join(" | ", f.Reasons.Select(r => r.Text))}")));
    }

    private static async Task<(WorkloadHistory History, OverloadDetector Detector)> DemoHistoryAsync()
    {
        var store = await DemoData.StoreAsync();
        var scenario = store.Data.Scenario;
        var calculator = new WorkloadCalculator(store.Connections, new Analytics.Roster.RosterReader(store.Connections, new Analytics.Storage.ReferenceStore(store.Connections)), new DutchHolidayCalendar(), Options.Create(new WorkloadOptions()));
        var history = await calculator.ComputeAsync(scenario.FirstWeek, scenario.LastWeek, CancellationToken.None);
        return (history, new OverloadDetector(Options.Create(new OverloadOptions()), Options.Create(new WorkloadOptions())));
    }
}
