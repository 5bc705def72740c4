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
        var (history, detector) = await DemoHistoryAsync(await DemoData.StoreAsync());
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
    public async Task LastingOverload_StaysFlaggedInEveryWeek_TheBaselineDoesNotAbsorbIt()
    {
        // The generator's overload lengthened to 10 weeks: a median of the last 12 weeks would take it for
        // the usual level from about its sixth week on.
        var store = await DemoData.LongerOverloadStoreAsync(10);
        var (history, detector) = await DemoHistoryAsync(store);
        var scenario = store.Data.Scenario;

        var flagged = new List<IsoWeek>();
        foreach (var week in IsoWeek.Range(scenario.OverloadFirstWeek, scenario.LastWeek))
        {
            var flag = detector.Detect(history, week).Teams.SingleOrDefault(f => f.Team == scenario.OverloadedTeam);
            output.WriteLine($"{week} {(flag is null ? "not flagged" : $"{flag.Severity}: {string.Join(" | ", flag.Reasons.Select(r => r.Text))}")}");
            if (flag is not null)
            {
                flagged.Add(week);
            }
        }

        Assert.Equal(10, IsoWeek.Range(scenario.OverloadFirstWeek, scenario.LastWeek).Count());
        Assert.Equal(IsoWeek.Range(scenario.OverloadFirstWeek, scenario.LastWeek), flagged);
    }

    [Fact]
    public async Task CalmStretch_FlagsNoTeam()
    {
        // Late winter and spring of the second year: no holidays, no onboarding wave, no major incident.
        var (history, detector) = await DemoHistoryAsync(await DemoData.StoreAsync());
        var weeks = IsoWeek.Range(new IsoWeek(2026, 4), new IsoWeek(2026, 11)).ToList();

        var flags = weeks.SelectMany(w => detector.Detect(history, w).Teams).ToList();

        Assert.Equal(8, weeks.Count);
        Assert.True(flags.Count == 0, string.Join(Environment.NewLine, flags.Select(f => $"{f.Week} {f.Team}: {string.Join(" | ", f.Reasons.Select(r => r.Text))}")));
    }

    [Fact]
    public async Task WeeksAfterTheOnboardingWave_FlagNoTeam()
    {
        var (history, detector) = await DemoHistoryAsync(await DemoData.StoreAsync());

        var flags = IsoWeek.Range(new IsoWeek(2026, 40), new IsoWeek(2026, 42)).SelectMany(w => detector.Detect(history, w).Teams).ToList();

        Assert.True(flags.Count == 0, string.Join(Environment.NewLine, flags.Select(f => $"{f.Week} {f.Team}: {string.Join(" | ", f.Reasons.Select(r => r.Text))}")));
    }

    [Fact]
    public async Task CalmWeeks_HaveFewAgentFlags_AndNoneCritical()
    {
        var (history, detector) = await DemoHistoryAsync(await DemoData.StoreAsync());
        var weeks = IsoWeek.Range(new IsoWeek(2026, 4), new IsoWeek(2026, 11)).Concat(IsoWeek.Range(new IsoWeek(2026, 40), new IsoWeek(2026, 42))).ToList();

        var perWeek = weeks.Select(w => (Week: w, Flags: detector.Detect(history, w).Agents)).ToList();

        foreach (var (week, flags) in perWeek)
        {
            output.WriteLine($"{week}: {flags.Count} agent flags");
            foreach (var flag in flags)
            {
                output.WriteLine($"  {flag.Team} {flag.Agent} {flag.Severity}: {string.Join(" | ", flag.Reasons.Select(r => r.Text))}");
            }
        }

        Assert.All(perWeek, w => Assert.True(w.Flags.Count <= 2, $"{w.Week}: {w.Flags.Count} agent flags"));
        Assert.DoesNotContain(perWeek.SelectMany(w => w.Flags), f => f.Severity == FlagSeverity.Critical);
    }

    [Fact]
    public async Task OverloadedTeamsAgents_AreFlaggedForWorkInProgressAndHours_ButNotAllCritical()
    {
        var (history, detector) = await DemoHistoryAsync(await DemoData.StoreAsync());
        var scenario = DemoData.Default.Scenario;
        var members = history.AgentsOf(scenario.OverloadedTeam, scenario.LastWeek).Count(a => a.OnStaff);

        var flags = detector.Detect(history, scenario.LastWeek).Agents.Where(a => a.Team == scenario.OverloadedTeam).ToList();

        foreach (var flag in flags)
        {
            output.WriteLine($"{flag.Agent} {flag.Severity}: {string.Join(" | ", flag.Reasons.Select(r => r.Text))}");
        }

        output.WriteLine($"{flags.Count} of {members} flagged, {flags.Count(f => f.Severity == FlagSeverity.Critical)} critical");
        Assert.True(flags.Count >= 3, $"{flags.Count} agents flagged");
        Assert.Contains(flags, f => f.Reasons.Any(r => r.Rule == "agent-wip"));
        Assert.Contains(flags, f => f.Reasons.Any(r => r.Rule == "agent-hours"));
        Assert.DoesNotContain(flags, f => f.Agent == scenario.AbsentAgent);
        Assert.True(flags.Count(f => f.Severity == FlagSeverity.Critical) <= members / 2, "a swamped team is the team's flag, not every member critical");
    }

    [Fact]
    public async Task MetricsOfOneTeamWeek_AreTheSameWhateverTheWindow()
    {
        var store = await DemoData.StoreAsync();
        var scenario = store.Data.Scenario;
        var calculator = Calculator(store);
        var week = scenario.LastWeek;

        var windows = new List<WorkloadHistory>();
        foreach (var weeks in new[] { 1, 2, 4, 8, 20 })
        {
            windows.Add(await calculator.ComputeAsync(week.AddWeeks(-(weeks - 1)), week, CancellationToken.None));
        }

        foreach (var team in windows[0].TeamNames)
        {
            var figures = windows.Select(h => h.Team(team, week)).ToList();
            output.WriteLine($"{team}: days to clear {string.Join(" / ", figures.Select(f => f?.DaysToClear?.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)))}");
            Assert.All(figures, f => Assert.Equal(figures[0], f));
        }
    }

    private static WorkloadCalculator Calculator(LoadedDemoStore store) =>
        new(store.Connections, new Analytics.Roster.RosterReader(store.Connections, new Analytics.Storage.ReferenceStore(store.Connections)), new DutchHolidayCalendar(), Options.Create(new WorkloadOptions()));

    private static async Task<(WorkloadHistory History, OverloadDetector Detector)> DemoHistoryAsync(LoadedDemoStore store)
    {
        var scenario = store.Data.Scenario;
        var history = await Calculator(store).ComputeAsync(scenario.FirstWeek, scenario.LastWeek, CancellationToken.None);
        return (history, new OverloadDetector(Options.Create(new OverloadOptions()), Options.Create(new WorkloadOptions())));
    }
}
