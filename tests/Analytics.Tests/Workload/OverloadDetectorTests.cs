using System.ComponentModel.DataAnnotations;
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
        Assert.Equal("days to clear the backlog rose to 4.2 working days (usually 1.5; 50 open)", reason.Text);
    }

    [Fact]
    public void DaysToClear_OverTheLimit_IsFlaggedEvenWhenUsual_AsALevelNotARise()
    {
        // Over the limit every week: every week is flagged, so none of them makes a "usual" level.
        var history = History(w => Calm(w) with { DaysToClear = 12 });

        var reason = Assert.Single(Assert.Single(Detector().Detect(history, Week).Teams).Reasons);

        Assert.Equal("days to clear the backlog is 12.0 working days, over the 10-day limit (50 open)", reason.Text);
        Assert.Equal(FlagSeverity.Warning, reason.Severity);
    }

    [Fact]
    public void DaysToClear_OverTheLimitButFalling_IsOnlyWatched_AndNeverSaysRose()
    {
        // Before: 15 open at 30 days (too few tickets to flag). Now: 25 open at 12 days, over the limit but coming down.
        var history = History(w => w.Week < 16 ? Calm(w) with { Backlog = 15, DaysToClear = 30 } : Calm(w) with { Backlog = 25, DaysToClear = 12 });

        var flag = Assert.Single(Detector().Detect(history, Week).Teams);

        var reason = Assert.Single(flag.Reasons);
        Assert.Equal("days to clear the backlog is 12.0 working days, over the 10-day limit, though down from a usual 30.0 (25 open)", reason.Text);
        Assert.Equal(FlagSeverity.Watch, flag.Severity);
        Assert.DoesNotContain("rose", reason.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DaysToClear_OfAHandfulOfTickets_IsNoFlag()
    {
        // 2 open and one resolved a month: 40 working days to clear, and no overload.
        var history = History(w => Calm(w) with { Incoming = 1, Resolved = 1, Backlog = 2, DaysToClear = w.Week < 16 ? 3 : 40 });

        Assert.Empty(Detector().Detect(history, Week).Teams);
        Assert.Single(Detector(new OverloadOptions { DaysToClearMinimumBacklog = 2 }).Detect(history, Week).Teams);
    }

    [Fact]
    public void LastingOverload_IsMeasuredAgainstTheLevelBeforeIt_InEveryWeek()
    {
        // Days to clear 4.2 from W07 to W16 (10 weeks): a median of the last 12 weeks is 4.2 from W13 on,
        // and the team would drop out although nothing improved.
        var history = History(w => w.Week < 7 ? Calm(w) with { DaysToClear = 1.5 } : Calm(w) with { DaysToClear = 4.2 });

        foreach (var week in IsoWeek.Range(new IsoWeek(2026, 7), Week))
        {
            var reason = Assert.Single(Assert.Single(Detector().Detect(history, week).Teams).Reasons);
            Assert.Equal("days to clear the backlog rose to 4.2 working days (usually 1.5; 50 open)", reason.Text);
        }
    }

    [Fact]
    public void WeeksBeforeTheDataStarts_MakeNoUsualLevel()
    {
        // Data from W14 only: three weeks before W16 are too few for a usual level, and the weeks before
        // the data are no "usual 0".
        var history = History(w => w.Week < 14 ? null : Calm(w) with { DaysToClear = w.Week < 16 ? 1.5 : 4.2 });

        Assert.Empty(Detector().Detect(history, Week).Teams);
    }

    [Fact]
    public void GrowthStreak_CoveringEveryWeekWithData_IsFlagged()
    {
        // The data starts in W11 and the backlog grew by 40 every week of it: 40, 80, ... 240.
        var history = History(w => w.Week < 11 ? null : Calm(w) with { Incoming = 240, Resolved = 200, Backlog = 40 * (w.Week - 10), DaysToClear = null });

        var reason = Assert.Single(Assert.Single(Detector().Detect(history, Week).Teams).Reasons);

        Assert.Equal("incoming exceeded resolved in each of the 6 weeks since the data starts (2026-W11): +240 tickets (backlog 0 → 240)", reason.Text);
    }

    [Fact]
    public void GrowthStreak_AsLongAsTheHistoryRead_IsFlagged_AsAtLeastThatLong()
    {
        // The history read starts in W01 but the data a year earlier: the streak may be longer than we see.
        var weeks = IsoWeek.Range(First, Week).ToList();
        var history = new WorkloadHistory(First, Week, "Department",
            [.. weeks.Select(w => Calm(w) with { Incoming = 210, Resolved = 200, Backlog = 100 + (10 * w.Week), DaysToClear = null })], [],
            new Dictionary<string, IsoWeek> { ["Alpha"] = new IsoWeek(2025, 1) });

        var reason = Assert.Single(Assert.Single(Detector().Detect(history, Week).Teams).Reasons);

        Assert.Equal("incoming exceeded resolved for at least 16 weeks running (since 2026-W01 or earlier): +160 tickets (backlog 100 → 260)", reason.Text);
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
    public void SlaUnderTarget_WithoutAUsualLevel_SaysWasNotFell()
    {
        var history = History(w => w.Week < 14 ? null : Calm(w) with { SlaCompliance = 0.72, SlaMeasured = 150 });

        var reason = Assert.Single(Assert.Single(Detector().Detect(history, Week).Teams).Reasons);

        Assert.Equal("SLA compliance was 72% of 150 tickets, under the target of 85%", reason.Text);
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
    public void Agent_OneBadWeek_IsNoFlag()
    {
        var history = History(w => Calm(w), (w, agent) => agent == "Ann" && w == Week
            ? Person(w, agent) with { WorkInProgress = 30, HoursLogged = 47, AfterHoursResolutions = 6, Resolved = 20, AfterHoursShare = 0.3, HandedOn = 12 }
            : Person(w, agent));

        Assert.Empty(Detector().Detect(history, Week).Agents);
    }

    [Fact]
    public void Agent_MaterialAndPersistent_IsFlaggedWithTheSeverityExplained()
    {
        // Ann: 30 open in two of the last three weeks (usually 8), 47 h of 40 in all three while her colleagues work 36.
        var history = History(w => Calm(w), (w, agent) => agent != "Ann" || w.Week < 14 ? Person(w, agent) : Person(w, agent) with
        {
            WorkInProgress = w.Week == 15 ? 8 : 30,
            HoursLogged = 47,
        });

        var flag = Assert.Single(Detector().Detect(history, Week).Agents);

        Assert.Equal("Ann", flag.Agent);
        Assert.Equal(
            [
                "holds 30 open tickets (usually 8; team median 8); high in 2 of the last 3 weeks, so a warning",
                "registered 47.0 h against 40 contract hours (118%; colleagues 90%); over in all of the last 3 weeks and more than the colleagues, so critical",
            ],
            flag.Reasons.Select(r => r.Text));
        Assert.Equal(FlagSeverity.Critical, flag.Severity);
    }

    [Fact]
    public void Agent_InATeamSwampedTogether_IsNotCritical()
    {
        // Everyone holds 30 and works 47 h for three weeks: the team's flag tells that story.
        var history = History(w => Calm(w), (w, agent) => w.Week < 14 ? Person(w, agent) : Person(w, agent) with { WorkInProgress = 30, HoursLogged = 47 });

        var flags = Detector().Detect(history, Week).Agents;

        Assert.Equal(3, flags.Count);
        Assert.All(flags, f => Assert.Equal(FlagSeverity.Warning, f.Severity));
        Assert.Equal("holds 30 open tickets (usually 8; team median 30); high in each of the last 3 weeks but so is the team's, so a warning", flags[0].Reasons[0].Text);
    }

    [Fact]
    public void Agent_AfterHours_FlaggedOnlyAboveOwnUsualAndColleagues_AndCriticalOnlyWhenLastingAndLarge()
    {
        // Six evening resolutions in each of three weeks: a warning. Twelve in each: critical.
        static WeeklyAgentMetrics Evenings(IsoWeek w, string agent, int count) => agent == "Ann" && w.Week >= 14
            ? Person(w, agent) with { AfterHoursResolutions = count, AfterHoursShare = count / 20.0 }
            : Person(w, agent);

        var six = Assert.Single(Detector().Detect(History(w => Calm(w), (w, a) => Evenings(w, a, 6)), Week).Agents);
        var twelve = Assert.Single(Detector().Detect(History(w => Calm(w), (w, a) => Evenings(w, a, 12)), Week).Agents);

        Assert.Equal("resolved 6 tickets outside working hours (30% of their resolutions; usually 5%; colleagues 5%); in each of the last 3 weeks, so a warning", Assert.Single(six.Reasons).Text);
        Assert.Equal(FlagSeverity.Warning, six.Severity);
        Assert.Equal(FlagSeverity.Critical, twelve.Severity);
    }

    [Fact]
    public void Agent_AfterHoursLikeTheColleagues_IsNoFlag()
    {
        // An outage sends the whole team out in the evening for three weeks.
        var history = History(w => Calm(w), (w, agent) => w.Week < 14 ? Person(w, agent) : Person(w, agent) with { AfterHoursResolutions = 8, AfterHoursShare = 0.4 });

        Assert.Empty(Detector().Detect(history, Week).Agents);
    }

    [Fact]
    public void Settings_Invalid_NameTheSetting()
    {
        var options = new OverloadOptions { AgentRecentWeeks = 2, AgentFlaggedWeeks = 3 };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains(results, r => r.ErrorMessage!.Contains("Overload:AgentFlaggedWeeks", StringComparison.Ordinal));
        var noMinimum = new OverloadOptions { DaysToClearMinimumBacklog = 0 };
        var minimumResults = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(noMinimum, new ValidationContext(noMinimum), minimumResults, validateAllProperties: true));
        Assert.Contains(minimumResults, r => r.ErrorMessage!.Contains("Overload:DaysToClearMinimumBacklog", StringComparison.Ordinal));
        var defaults = new OverloadOptions();
        Assert.True(Validator.TryValidateObject(defaults, new ValidationContext(defaults), [], validateAllProperties: true));
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

    /// <summary>A history from W01 to W16; a week for which <paramref name="team"/> answers null has no data.</summary>
    private static WorkloadHistory History(Func<IsoWeek, WeeklyTeamMetrics?> team, Func<IsoWeek, string, WeeklyAgentMetrics>? agent = null)
    {
        var weeks = IsoWeek.Range(First, Week).ToList();
        var agents = agent is null ? [] : weeks.SelectMany(w => Agents.Select(a => agent(w, a))).ToList();
        return new WorkloadHistory(First, Week, "Department", [.. weeks.Select(team).OfType<WeeklyTeamMetrics>()], agents);
    }
}
