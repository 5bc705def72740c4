using Analytics.Calendar;
using Analytics.Forecasting.Staffing;
using Analytics.Privacy;
using Analytics.Recognition;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Analytics.Workload;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Privacy;

/// <summary>
/// Complementary suppression: in every department view (weekly workload, appreciation, staffing) and for every
/// figure it adds up per team, the department's total minus the printed rows never gives one hidden team's figure
/// away. On the demo department with minimum group sizes 3 to 12 (from no team hidden to most of them), and on a
/// department with exactly one small team, where the attack worked before.
/// </summary>
public sealed class SubtractionAttackTests
{
    public static TheoryData<int> MinimumSizes() => [.. Enumerable.Range(3, 10)];

    [Theory]
    [MemberData(nameof(MinimumSizes))]
    public async Task WeeklyDepartmentView_NoTotalMinusTheRowsIsOneHiddenTeam(int minimum)
    {
        var demo = await DemoAsync();
        var policy = demo.Policy(minimum);
        var view = new WorkloadViewBuilder(policy).Build(ReportScope.Department, demo.History, demo.Overload, demo.Week);
        var total = demo.History.Department(demo.Week)!;
        var teams = demo.Teams.ToDictionary(t => t, t => demo.History.Team(t, demo.Week)!, StringComparer.Ordinal);
        var hidden = Hidden(teams.ToDictionary(t => t.Key, t => t.Value.GroupSize), minimum);
        var rows = view.Teams.Where(r => !r.Suppressed).ToList();

        foreach (var (figure, pick) in WeeklyFigures)
        {
            AssertNotRecoverable($"{figure}, minimum {minimum}", pick(total), [.. rows.Select(r => (Members(r.Team, r.MergedTeams), pick(r.Metrics!)))], teams.ToDictionary(t => t.Key, t => pick(t.Value)), hidden);
        }

        // A merged team's flag would print figures its row hides: counted, never named.
        var merged = view.Teams.SelectMany(r => r.MergedTeams).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(view.TeamFlags, f => merged.Contains(f.Team) || hidden.Contains(f.Team));
        Assert.Equal(demo.Overload.Teams.Count, view.FlaggedTeams);
    }

    [Theory]
    [MemberData(nameof(MinimumSizes))]
    public async Task AppreciationDepartmentView_NoTotalMinusTheRowsIsOneHiddenTeam(int minimum)
    {
        var demo = await DemoAsync();
        var view = new AppreciationViewBuilder(demo.Policy(minimum)).Build(ReportScope.Department, demo.Ledger, demo.Recognition, demo.Week, demo.Sizes);
        var total = view.PeriodLedger!;
        var teams = demo.Teams.ToDictionary(t => t, t => demo.Ledger.For(t, view.PeriodStart, demo.Week), StringComparer.Ordinal);
        var hidden = Hidden(demo.Sizes, minimum);
        var rows = view.Teams.Where(r => !r.Suppressed).ToList();

        foreach (var (figure, pick) in LedgerFigures)
        {
            AssertNotRecoverable($"{figure}, minimum {minimum}", pick(total), [.. rows.Select(r => (Members(r.Team, r.MergedTeams), pick(r.Ledger!)))], teams.ToDictionary(t => t.Key, t => pick(t.Value)), hidden);
        }

        // Thank-yous and problems are listed per row: the department's count, less each row's, is no hidden team's.
        var thanks = demo.Recognition.ThankYous.Where(t => teams.ContainsKey(t.Team)).ToList();
        Assert.Equal(thanks.Count, view.ThankYous.Count);
        AssertNotRecoverable($"thank-yous, minimum {minimum}", view.ThankYous.Count, [.. rows.Select(r => (Members(r.Team, r.MergedTeams), (double)view.ThankYous.Count(t => t.Team == r.Team)))],
            teams.ToDictionary(t => t.Key, t => (double)thanks.Count(x => x.Team == t.Key)), hidden);
        AssertNotRecoverable($"problems, minimum {minimum}", view.Problems.Count, [.. rows.Select(r => (Members(r.Team, r.MergedTeams), (double)view.Problems.Count(p => p.Team == r.Team)))],
            teams.ToDictionary(t => t.Key, t => (double)demo.Recognition.Problems.Count(p => p.Team == t.Key)), hidden);
        var merged = view.Teams.SelectMany(r => r.MergedTeams).ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(view.Highlights, h => merged.Contains(h.Team) || hidden.Contains(h.Team));
    }

    [Theory]
    [MemberData(nameof(MinimumSizes))]
    public async Task StaffingDepartmentRows_NoTotalMinusTheRowsIsOneHiddenTeam(int minimum)
    {
        var demo = await DemoAsync();
        var outlook = Outlook(demo.Teams, demo.Week);
        var department = outlook.Together(demo.Teams, demo.History.DepartmentName);
        var rows = outlook.Rows(demo.Policy(minimum), ReportScope.Department, demo.Teams, demo.Sizes).Where(r => r.Weeks is not null).ToList();
        var hidden = Hidden(demo.Sizes, minimum);

        foreach (var (figure, pick) in StaffingFigures)
        {
            AssertNotRecoverable($"{figure}, minimum {minimum}", pick(department), [.. rows.Select(r => (Members(r.Team, r.MergedTeams), pick(r.Weeks!)))],
                demo.Teams.ToDictionary(t => t, t => pick(outlook.ForTeam(t))), hidden);
        }
    }

    [Fact]
    public void OneSmallTeam_TheOldTableGaveItAway_TheMergedRowDoesNot()
    {
        var (history, overload) = ThreeTeams(flagged: []);
        var policy = Policy(3);
        var total = history.Department(Week)!;

        // The table as it was: every team but the small one printed, the total including it.
        Assert.Equal(history.Team("Tiny", Week)!.Backlog, total.Backlog - history.Team("Large", Week)!.Backlog - history.Team("Middle", Week)!.Backlog);

        var view = new WorkloadViewBuilder(policy).Build(ReportScope.Department, history, overload, Week);

        Assert.Equal(["Large", "Smaller teams (2 teams, 6 people)"], view.Teams.Select(t => t.Team));
        var merged = view.Teams[1];
        Assert.Equal(["Middle", "Tiny"], merged.MergedTeams);
        Assert.Equal(6, merged.AgentsOnStaff);
        Assert.Equal(history.Team("Middle", Week)!.Backlog + history.Team("Tiny", Week)!.Backlog, merged.Metrics!.Backlog);
        Assert.Equal(0, total.Backlog - view.Teams.Sum(t => t.Metrics!.Backlog));
        var teams = history.TeamNames.ToDictionary(t => t, t => history.Team(t, Week)!);
        foreach (var (figure, pick) in WeeklyFigures)
        {
            AssertNotRecoverable(figure, pick(total), [.. view.Teams.Select(r => (Members(r.Team, r.MergedTeams), pick(r.Metrics!)))], teams.ToDictionary(t => t.Key, t => pick(t.Value)), new HashSet<string> { "Tiny" });
        }
    }

    [Fact]
    public void OneSmallTeam_MergesWithAnUnflaggedTeam_WhoseReasonsWouldPrintItsOwnFigures()
    {
        var (history, overload) = ThreeTeams(flagged: ["Middle"]);

        var view = new WorkloadViewBuilder(Policy(3)).Build(ReportScope.Department, history, overload, Week);

        Assert.Equal(["Middle", "Smaller teams (2 teams, 8 people)"], view.Teams.Select(t => t.Team));
        Assert.Equal(["Large", "Tiny"], view.Teams[1].MergedTeams);
        Assert.Equal(["Middle"], view.TeamFlags.Select(f => f.Team));
        Assert.Equal(0, view.UnnamedTeamFlags);
    }

    [Fact]
    public void OneSmallTeam_WhenEveryPartnerIsFlagged_ThePartnersFlagIsCountedNotNamed()
    {
        var (history, overload) = ThreeTeams(flagged: ["Large", "Middle"]);

        var view = new WorkloadViewBuilder(Policy(3)).Build(ReportScope.Department, history, overload, Week);

        Assert.Equal(["Middle", "Tiny"], view.Teams[1].MergedTeams);
        Assert.Equal(["Large"], view.TeamFlags.Select(f => f.Team));
        Assert.Equal(1, view.UnnamedTeamFlags);
        Assert.Equal(2, view.FlaggedTeams);
    }

    [Fact]
    public void TeamRows_AnySizes_EveryHiddenTeamSharesAShownRowOfTheMinimum_OrTheWholeDepartmentIsTooSmall()
    {
        var random = new Random(12);
        for (var run = 0; run < 2000; run++)
        {
            var minimum = random.Next(1, 13);
            var teams = Enumerable.Range(0, random.Next(1, 9)).Select(i => ($"T{i}", random.Next(0, 15))).ToList();
            var namedElsewhere = teams.Where(_ => random.Next(3) == 0).Select(t => t.Item1).ToHashSet(StringComparer.Ordinal);

            var rows = Policy(minimum).TeamRows(ReportScope.Department, teams, namedElsewhere);

            var where = $"run {run}: minimum {minimum}, {string.Join(", ", teams)}";
            Assert.Equal(teams.Select(t => t.Item1).Order(StringComparer.Ordinal), rows.SelectMany(r => r.Teams).Order(StringComparer.Ordinal));
            Assert.True(rows.Count(r => r.Merged || !r.Shown) <= 1, where);
            foreach (var row in rows)
            {
                // A row shown on its own is a team of at least the minimum, or of nobody (it singles no one out).
                Assert.True(row.Shown
                    ? (row.Merged ? row.People >= minimum : teams.Single(t => t.Item1 == row.Label).Item2 is var people && (people >= minimum || people == 0))
                    : teams.Sum(t => t.Item2) < minimum || teams.Count == 1, where);
                Assert.Equal(row.Teams.Sum(t => teams.Single(x => x.Item1 == t).Item2), row.People);
            }
        }
    }

    private static readonly IsoWeek Week = new(2026, 47);

    private static readonly (string Figure, Func<WeeklyTeamMetrics, double> Pick)[] WeeklyFigures =
    [
        ("incoming", m => m.Incoming), ("resolved", m => m.Resolved), ("passed on", m => m.PassedOn), ("backlog", m => m.Backlog), ("hours logged", m => m.HoursLogged),
    ];

    private static readonly (string Figure, Func<TeamLedger, double> Pick)[] LedgerFigures =
    [
        ("hours", l => l.TotalHours), ("behind-the-scenes hours", l => l.BehindTheScenesHours), ("after-hours hours", l => l.AfterHoursHours), ("after-hours items", l => l.AfterHoursCount),
        .. Enum.GetValues<WorkCategory>().SelectMany(c => new (string, Func<TeamLedger, double>)[] { ($"{c} items", l => l.Line(c).Count), ($"{c} hours", l => l.Line(c).Hours) }),
    ];

    private static readonly (string Figure, Func<IReadOnlyList<TeamWeekStaffing>, double> Pick)[] StaffingFigures =
    [
        ("tickets", w => w.Sum(x => x.Volume)), ("hands-on hours", w => w.Sum(x => x.NeededHours)), ("FTE needed, average", w => w.Average(x => x.NeededFte)),
        ("FTE available, average", w => w.Average(x => x.AvailableFte!.Value)), ("tickets next week", w => w[0].Volume), ("FTE needed next week", w => w[0].NeededFte),
    ];

    /// <summary>
    /// The attack: the total less every printed row leaves the teams on no row. It must never be exactly one
    /// hidden team's figure while fewer than two teams are behind it. A hidden team's zero is left out: it cannot
    /// be told from a difference of nothing, which is what a table whose rows cover every team leaves.
    /// </summary>
    private static void AssertNotRecoverable(string figure, double total, IReadOnlyList<(IReadOnlyList<string> Teams, double Value)> rows, IReadOnlyDictionary<string, double> teams, HashSet<string> hidden)
    {
        var behind = teams.Keys.Except(rows.SelectMany(r => r.Teams)).ToList();
        var difference = total - rows.Sum(r => r.Value);
        Assert.DoesNotContain(rows, r => r.Teams.Count == 1 && hidden.Contains(r.Teams[0]));
        if (behind.Count >= 2)
        {
            return;
        }

        foreach (var team in hidden.Where(t => teams[t] != 0))
        {
            Assert.False(Math.Abs(difference - teams[team]) < 0.05, $"{figure}: the total {total} less the rows is {difference}, {team}'s own figure ({string.Join(", ", behind)} behind it)");
        }
    }

    private static IReadOnlyList<string> Members(string label, IReadOnlyList<string> merged) => merged.Count > 0 ? merged : [label];

    private static HashSet<string> Hidden(IReadOnlyDictionary<string, int> sizes, int minimum) =>
        sizes.Where(s => s.Value < minimum).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);

    private static PrivacyPolicy Policy(int minimum) => new(Options.Create(new PrivacyOptions { MinimumGroupSize = minimum }), []);

    /// <summary>A staffing forecast with different figures for every team and week; the rows need only the weeks.</summary>
    private static StaffingOutlook Outlook(IReadOnlyList<string> teams, IsoWeek week) =>
        new(null!, [.. teams.SelectMany((team, i) => Enumerable.Range(1, 12).Select(w => new TeamWeekStaffing(
            team, week.AddWeeks(w), 40 + (37 * i) + w, 50 + (41 * i) + w, 30.5 + (19 * i) + w, 40 + (23 * i) + w, [], 0.9 + (0.7 * i) + (0.05 * w), 28 + (11 * i), 0.8 + (0.6 * i))))]);

    /// <summary>Large (6 people), Middle (4) and Tiny (2) with different figures; the department adds them up.</summary>
    private static (WorkloadHistory History, OverloadReport Overload) ThreeTeams(IReadOnlyList<string> flagged)
    {
        WeeklyTeamMetrics Team(string name, int people, int scale) => new()
        {
            Team = name, Week = Week, Incoming = 30 * scale, Resolved = 28 * scale, PassedOn = 2 * scale, Backlog = (17 * scale) + 1, AgentsOnStaff = people,
            SlaMeasured = 20 * scale, SlaCompliance = 0.9, AfterHoursShare = 0.1, ReopenRate = 0.02, ReassignmentRate = 0.1, HoursLogged = 32.5 * people, ContractHours = 36 * people,
        };

        var teams = new[] { Team("Large", 6, 5), Team("Middle", 4, 3), Team("Tiny", 2, 1) };
        var department = teams[0] with
        {
            Team = "Department", IsDepartment = true, Incoming = teams.Sum(t => t.Incoming), Resolved = teams.Sum(t => t.Resolved), PassedOn = teams.Sum(t => t.PassedOn),
            Backlog = teams.Sum(t => t.Backlog), AgentsOnStaff = 12, HoursLogged = teams.Sum(t => t.HoursLogged),
        };
        var history = new WorkloadHistory(Week, Week, "Department", [.. teams, department], []);
        var overload = new OverloadReport(Week, [.. flagged.Select(t => new TeamFlag(t, Week, FlagSeverity.Warning, [new FlagReason("backlog-growth", FlagSeverity.Warning, "backlog grew")]))], []);
        return (history, overload);
    }

    private static Task<DemoQuarter> DemoAsync() => DemoQuarter.LoadAsync();
}
