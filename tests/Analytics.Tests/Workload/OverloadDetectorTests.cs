using Analytics.Calendar;
using Analytics.Workload;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Workload;

/// <summary>Each overload rule on a history built week by week, so the expected sentence is known.</summary>
public sealed class OverloadDetectorTests
{
    private static readonly IsoWeek First = new(2026, 1);
    private static readonly IsoWeek Week = new(2026, 16);
    private static readonly string[] Agents = ["Ann", "Bas", "Cor"];

    private static OverloadDetector Detector(OverloadOptions? options = null) =>
        new(Options.Create(options ?? new OverloadOptions()), Options.Create(new WorkloadOptions()));

    [Fact]
    public void CalmTeam_IsNotFlagged()
    {
        var history = History(w => Calm(w));

        var report = Detector().Detect(history, Week);

        Assert.Empty(report.Teams);
        Assert.Empty(report.Agents);
    }

    [Fact]
    public void BacklogGrowingWeeksRunning_IsFlaggedWithTheStreakAndTheGrowth()
    {
        // From week 13 incoming runs 40 above resolved: the backlog goes 50 -> 90 -> 130 -> 170 -> 210.
        var history = History(w => w.Week < 13 ? Calm(w) : Calm(w) with { Incoming = 240, Resolved = 200, Backlog = 50 + (40 * (w.Week - 12)) });

        var flag = Assert.Single(Detector().Detect(history, Week).Teams);

        var reason = Assert.Single(flag.Reasons, r => r.Rule == "backlog-growth");
        Assert.Equal("incoming exceeded resolved for 4 weeks running: +160 tickets (backlog 50 → 210)", reason.Text);
        Assert.Equal(FlagSeverity.Critical, reason.Severity);
    }

    [Fact]
    public void SmallBacklogGrowth_IsNoise()
    {
        // Three weeks with 5 more in than out: +15, under the 20-ticket minimum.
        var history = History(w => w.Week < 14 ? Calm(w) : Calm(w) with { Incoming = 205, Resolved = 200, Backlog = 50 + (5 * (w.Week - 13)) });

        Assert.Empty(Detector().Detect(history, Week).Teams);
    }

    [Fact]
    public void PassedOnTickets_AreNotBacklogGrowth()
    {
        // A first-line team passes 60 a week on: incoming exceeds resolved, but not resolved plus passed on.
        var history = History(w => Calm(w) with { Incoming = 260, Resolved = 200, PassedOn = 60 });

        Assert.Empty(Detector().Detect(history, Week).Teams);
    }

    [Fact]
    public void DaysToClear_FarAboveUsual_IsFlagged()
    {
        var history = History(w => w.Week < 16 ? Calm(w) with { DaysToClear = 1.5 } : Calm(w) with { DaysToClear = 4.2 });

        var reason = Assert.Single(Assert.Single(Detector().Detect(history, Week).Teams).Reasons);

        Assert.Equal("days-to-clear", reason.Rule);
        Assert.Equal("days to clear the backlog rose to 4.2 working days (usually 1.5)", reason.Text);
    }

    [Fact]
    public void DaysToClear_OverTheLimit_IsFlaggedEvenWhenUsual()
    {
        var history = History(w => Calm(w) with { DaysToClear = 12 });

        var reason = Assert.Single(Assert.Single(Detector().Detect(history, Week).Teams).Reasons);

        Assert.Equal("days to clear the backlog rose to 12.0 working days (usually 12.0)", reason.Text);
    }

    [Fact]
    public void SlaFallingUnderTarget_IsFlagged_ButNotAWeekWithTooFewTickets()
    {
        var falling = History(w => w.Week < 16 ? Calm(w) : Calm(w) with { SlaCompliance = 0.72, SlaMeasured = 150 });
        var thin = History(w => w.Week < 16 ? Calm(w) : Calm(w) with { SlaCompliance = 0.5, SlaMeasured = 8 });

        var reason = Assert.Single(Assert.Single(Detector().Detect(falling, Week).Teams).Reasons);

        Assert.Equal("SLA compliance fell to 72% of 150 tickets (target 85%, usually 95%)", reason.Text);
        Assert.Empty(Detector().Detect(thin, Week).Teams);
    }

    [Fact]
    public void ForecastAboveCapacity_IsFlaggedFromTheOutlook()
    {
        var history = History(w => Calm(w));
        IReadOnlyList<CapacityOutlook> outlook =
        [
            new("Alpha", Week.AddWeeks(1), 420, 470, 360),
            new("Alpha", Week.AddWeeks(2), 380, 430, 360),
            new("Alpha", Week.AddWeeks(3), 340, 390, 360),
            new("Alpha", Week.AddWeeks(4), 300, 350, 360),
            new("Alpha", Week.AddWeeks(5), 900, 950, 360),
        ];

        var reason = Assert.Single(Assert.Single(Detector().Detect(history, Week, outlook).Teams).Reasons);

        Assert.Equal("forecast-capacity", reason.Rule);
        Assert.Equal("forecast work exceeds capacity in 2 of the next 4 weeks: 400 h needed against 360 h available a week", reason.Text);
    }

    [Fact]
    public void ForecastAgainstUnknownCapacity_IsNoFlag_NotAShortageAgainstZero()
    {
        var history = History(w => Calm(w));
        IReadOnlyList<CapacityOutlook> outlook = [.. Enumerable.Range(1, 4).Select(i => new CapacityOutlook("Alpha", Week.AddWeeks(i), 2, 3, null))];

        Assert.Empty(Detector().Detect(history, Week, outlook).Teams);
        Assert.All(outlook, o => Assert.Null(o.Gap));
    }

    [Fact]
    public void AgentWithUnknownContractHours_IsNotFlaggedForHoursOverContract()
    {
        var history = History(w => Calm(w), (w, agent) => Person(w, agent) with { ContractHours = null, HoursLogged = agent == "Ann" ? 60 : 36 });

        Assert.Empty(Detector().Detect(history, Week).Agents);
    }

    [Fact]
    public void ThreeReasons_MakeTheFlagCritical()
    {
        var history = History(w => w.Week < 13 ? Calm(w) : Calm(w) with
        {
            Incoming = 240,
            Resolved = 200,
            Backlog = 50 + (40 * (w.Week - 12)),
            DaysToClear = w.Week == 16 ? 5.5 : 1.5,
            SlaCompliance = w.Week == 16 ? 0.80 : 0.95,
        });

        var flag = Assert.Single(Detector().Detect(history, Week).Teams);

        Assert.Equal(3, flag.Reasons.Count);
        Assert.Equal(FlagSeverity.Critical, flag.Severity);
    }

    [Fact]
    public void Agent_IsFlaggedAgainstOwnBaselineAndTeam()
    {
        var history = History(w => Calm(w), (w, agent) => agent == "Ann" && w == Week
            ? Person(w, agent) with { WorkInProgress = 30, HoursLogged = 47, AfterHoursResolutions = 5, Resolved = 20, AfterHoursShare = 0.25, HandedOn = 12 }
            : Person(w, agent));

        var flag = Assert.Single(Detector().Detect(history, Week).Agents);

        Assert.Equal("Ann", flag.Agent);
        Assert.Equal(
            [
                "holds 30 open tickets (usually 8; team median 8)",
                "registered 47.0 h against 40 contract hours (118%)",
                "resolved 5 tickets outside working hours (25% of their resolutions; usually 5%)",
                "passed on 12 tickets (usually 2; team median 2)",
            ],
            flag.Reasons.Select(r => r.Text));
        Assert.Equal(FlagSeverity.Critical, flag.Severity);
    }

    [Fact]
    public void Agent_NotYetOnStaff_IsNotFlagged()
    {
        var history = History(w => Calm(w), (w, agent) => Person(w, agent) with { OnStaff = agent != "Ann", WorkInProgress = agent == "Ann" ? 40 : 8 });

        Assert.Empty(Detector().Detect(history, Week).Agents);
    }

    private static WeeklyTeamMetrics Calm(IsoWeek week) => new()
    {
        Team = "Alpha",
        Week = week,
        Incoming = 200,
        Resolved = 200,
        Backlog = 50,
        DaysToClear = 1.25,
        SlaCompliance = 0.95,
        SlaMeasured = 150,
        AgentsOnStaff = 3,
    };

    private static WeeklyAgentMetrics Person(IsoWeek week, string agent) => new()
    {
        Agent = agent,
        Team = "Alpha",
        Week = week,
        OnStaff = true,
        Resolved = 20,
        WorkInProgress = 8,
        AfterHoursResolutions = 1,
        AfterHoursShare = 0.05,
        HoursLogged = 36,
        ContractHours = 40,
        HandedOn = 2,
    };

    private static WorkloadHistory History(Func<IsoWeek, WeeklyTeamMetrics> team, Func<IsoWeek, string, WeeklyAgentMetrics>? agent = null)
    {
        var weeks = IsoWeek.Range(First, Week).ToList();
        var agents = agent is null ? [] : weeks.SelectMany(w => Agents.Select(a => agent(w, a))).ToList();
        return new WorkloadHistory(First, Week, "Department", [.. weeks.Select(team)], agents);
    }
}
