using Analytics.Calendar;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Analytics.Workload;

namespace Analytics.Tests.Workload;

/// <summary>Weekly metrics on hand-built histories whose answers are worked out in each test. 2026-W11 is 9 to 15 March 2026.</summary>
public sealed class WorkloadCalculatorTests : IDisposable
{
    private readonly WorkloadScenario _s = new();

    [Fact]
    public async Task Week_CountsIncomingResolvedAndBacklogAtTheWeeksEnd()
    {
        _s.Ticket("Alpha", "2026-03-09 09:00", "2026-03-09 11:00");
        _s.Ticket("Alpha", "2026-03-10 10:00", "2026-03-17 10:00");
        _s.Ticket("Alpha", "2026-03-11 10:00");
        _s.Ticket("Alpha", "2026-03-02 10:00", "2026-03-10 12:00");

        var history = await _s.ComputeAsync("2026-W10", "2026-W12");

        var w10 = history.Team("Alpha", IsoWeek.Parse("2026-W10"))!;
        var w11 = history.Team("Alpha", IsoWeek.Parse("2026-W11"))!;
        var w12 = history.Team("Alpha", IsoWeek.Parse("2026-W12"))!;
        Assert.Equal((1, 0, 1), (w10.Incoming, w10.Resolved, w10.Backlog));
        Assert.Equal((3, 2, 2), (w11.Incoming, w11.Resolved, w11.Backlog));
        Assert.Equal((0, 1, 1), (w12.Incoming, w12.Resolved, w12.Backlog));
    }

    [Fact]
    public async Task GroupSize_CountsThePeopleWhoResolvedTheTeamsTickets_WhenTheRosterGivesTheTeamFewer()
    {
        // Beta has nobody on its staff, but three people of Alpha resolved its tickets this week.
        _s.Agent("Ann", "Alpha").Agent("Bas", "Alpha").Agent("Cor", "Alpha");
        _s.Ticket("Beta", "2026-03-09 09:00", "2026-03-09 11:00", resolvedBy: "Ann");
        _s.Ticket("Beta", "2026-03-10 09:00", "2026-03-10 11:00", resolvedBy: "Bas");
        _s.Ticket("Beta", "2026-03-11 09:00", "2026-03-11 11:00", resolvedBy: "Cor");
        _s.Ticket("Beta", "2026-03-11 09:00", "2026-03-11 12:00", resolvedBy: "Cor");

        var history = await _s.ComputeAsync("2026-W11", "2026-W11");

        var beta = history.Team("Beta", IsoWeek.Parse("2026-W11"))!;
        Assert.Equal((0, 3, 3), (beta.AgentsOnStaff, beta.PeopleActive, beta.GroupSize));
    }

    [Fact]
    public async Task Ticket_ResolvedExactlyAtTheWeekBoundary_BelongsToTheNextWeekAndToTheBacklogBefore()
    {
        // Monday 16 March 00:00 local is the end of 2026-W11 and the start of 2026-W12.
        _s.Ticket("Alpha", "2026-03-12 10:00", "2026-03-16 00:00");

        var history = await _s.ComputeAsync("2026-W11", "2026-W12");

        var w11 = history.Team("Alpha", IsoWeek.Parse("2026-W11"))!;
        var w12 = history.Team("Alpha", IsoWeek.Parse("2026-W12"))!;
        Assert.Equal((0, 1), (w11.Resolved, w11.Backlog));
        Assert.Equal((1, 0), (w12.Resolved, w12.Backlog));
        Assert.Equal(3 + (14 / 24.0), w11.BacklogAgeMedianDays!.Value, 3); // Thursday 10:00 to Monday 00:00
    }

    [Fact]
    public async Task ResolutionTimes_AreMedianAndP90InCalendarAndWorkingHours()
    {
        // 2 h inside office hours; Friday 16:30 to Monday 09:30 is 65 h but 1 + 1.5 working hours; Tuesday to Wednesday 10:00 is 24 h and 9.5 working hours.
        _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 11:00");
        _s.Ticket("Alpha", "2026-03-13 16:30", "2026-03-16 09:30");
        _s.Ticket("Alpha", "2026-03-17 10:00", "2026-03-18 10:00");

        var w12 = (await _s.ComputeAsync("2026-W12", "2026-W12")).Team("Alpha", IsoWeek.Parse("2026-W12"))!;

        Assert.Equal(24, w12.ResolutionHoursMedian!.Value, 3);
        Assert.Equal(24 + (0.8 * 41), w12.ResolutionHoursP90!.Value, 3);
        Assert.Equal(2.5, w12.ResolutionBusinessHoursMedian!.Value, 3);
        Assert.Equal(2.5 + (0.8 * 7), w12.ResolutionBusinessHoursP90!.Value, 3);
    }

    [Fact]
    public async Task WorkingHours_SkipPublicHolidays()
    {
        // Easter Monday 2026 is 6 April: from Friday 3 April 17:00 to Tuesday 7 April 08:30 there is half an hour of work on Friday and half an hour on Tuesday.
        _s.Ticket("Alpha", "2026-04-03 17:00", "2026-04-07 08:30");

        var w15 = (await _s.ComputeAsync("2026-W15", "2026-W15")).Team("Alpha", IsoWeek.Parse("2026-W15"))!;

        Assert.Equal(1.0, w15.ResolutionBusinessHoursMedian!.Value, 3);
        Assert.Equal(87.5, w15.ResolutionHoursMedian!.Value, 3);
    }

    [Fact]
    public async Task Rates_CountSlaFirstContactReopensAndReassignments()
    {
        _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 10:00", slaBreached: false);
        _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-17 10:00", slaBreached: true, reopens: 1);
        _s.Ticket("Alpha", "2026-03-17 09:00", "2026-03-17 15:00", kind: TicketKind.Request, slaBreached: false, reassignments: 2);
        _s.Ticket("Alpha", "2026-03-18 09:00", "2026-03-18 10:00", kind: TicketKind.Change);

        var w12 = (await _s.ComputeAsync("2026-W12", "2026-W12")).Team("Alpha", IsoWeek.Parse("2026-W12"))!;

        Assert.Equal(3, w12.SlaMeasured);
        Assert.Equal(2.0 / 3, w12.SlaCompliance!.Value, 6);
        Assert.Equal(1.0 / 3, w12.FirstContactResolution!.Value, 6); // only the first: the change is not user work, the others were reopened or passed on
        Assert.Equal(0.25, w12.ReopenRate!.Value, 6);
        Assert.Equal(0.25, w12.ReassignmentRate!.Value, 6);
    }

    [Fact]
    public async Task TicketPassedToAnotherTeam_IsIncomingForBothAndResolvedByTheSecond()
    {
        var id = _s.Ticket("Beta", "2026-03-16 09:00", "2026-03-24 11:00", assignee: "Bo", kind: TicketKind.Incident, reassignments: 1);
        _s.Event(id, "2026-03-17 14:00", TicketEventKind.TeamAssignment, "Alpha", "Beta");
        _s.Agent("Bo", "Beta");

        var history = await _s.ComputeAsync("2026-W12", "2026-W13");

        var alpha = history.Team("Alpha", IsoWeek.Parse("2026-W12"))!;
        var beta12 = history.Team("Beta", IsoWeek.Parse("2026-W12"))!;
        var beta13 = history.Team("Beta", IsoWeek.Parse("2026-W13"))!;
        var department = history.Department(IsoWeek.Parse("2026-W12"))!;
        Assert.Equal((1, 0, 1, 0), (alpha.Incoming, alpha.Resolved, alpha.PassedOn, alpha.Backlog));
        Assert.Equal((1, 0, 1), (beta12.Incoming, beta12.Resolved, beta12.Backlog));
        Assert.Equal((0, 1, 0), (beta13.Incoming, beta13.Resolved, beta13.Backlog));
        Assert.Equal((1, 0, 1), (department.Incoming, department.PassedOn + department.Resolved, department.Backlog));
    }

    [Fact]
    public async Task EventsOfATicketOutsideTheWindow_AreNotTakenForItsNeighboursInKeyOrder()
    {
        // The events stream right after their ticket's row; a ticket left out by the window must take its events with it.
        _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-17 09:00");
        var old = _s.Ticket("Alpha", "2026-01-05 09:00", "2026-01-07 09:00");
        _s.Event(old, "2026-01-06 09:00", TicketEventKind.TeamAssignment, "Alpha", "Beta");
        _s.Ticket("Beta", "2026-03-16 10:00", "2026-03-17 10:00");

        var history = await _s.ComputeAsync("2026-W12", "2026-W12");

        var alpha = history.Team("Alpha", IsoWeek.Parse("2026-W12"))!;
        var beta = history.Team("Beta", IsoWeek.Parse("2026-W12"))!;
        Assert.Equal((1, 1, 0), (alpha.Incoming, alpha.Resolved, alpha.PassedOn));
        Assert.Equal((1, 1, 0), (beta.Incoming, beta.Resolved, beta.PassedOn));
    }

    [Fact]
    public async Task WithoutEvents_TheLastTeamHoldsTheTicketThroughout()
    {
        _s.Ticket("Beta", "2026-03-16 09:00", "2026-03-24 11:00", reassignments: 1);

        var history = await _s.ComputeAsync("2026-W12", "2026-W12");

        Assert.Null(history.Team("Alpha", IsoWeek.Parse("2026-W12"))); // Alpha never held a ticket: no data, not zeros
        Assert.Equal(1, history.Team("Beta", IsoWeek.Parse("2026-W12"))!.Incoming);
    }

    [Fact]
    public async Task TeamsInAnotherTimeZone_ReadTheSameInstantsInTheirOwnLocalTime()
    {
        // On 17 March 18:00 in Amsterdam is 13:00 in New York (summer time there since 8 March): after hours for
        // Alpha, within them for Gamma. Monday 23 March 01:00 in Amsterdam (W13) is still Sunday evening, W12, there.
        _s.Team(new Tickets.Team { Name = "Gamma", TimeZone = "America/New_York" });
        _s.Ticket("Alpha", "2026-03-17 09:00", "2026-03-17 18:00");
        _s.Ticket("Gamma", "2026-03-17 09:00", "2026-03-17 18:00");
        _s.Ticket("Alpha", "2026-03-23 01:00");
        _s.Ticket("Gamma", "2026-03-23 01:00");

        var history = await _s.ComputeAsync("2026-W11", "2026-W13");

        var alpha = history.Team("Alpha", IsoWeek.Parse("2026-W12"))!;
        var gamma = history.Team("Gamma", IsoWeek.Parse("2026-W12"))!;
        Assert.Equal((1, 1.0), (alpha.Resolved, alpha.AfterHoursShare));
        Assert.Equal((1, 0.0), (gamma.Resolved, gamma.AfterHoursShare));
        Assert.Equal(1, history.Team("Alpha", IsoWeek.Parse("2026-W13"))!.Incoming);
        Assert.Equal(2, gamma.Incoming);
    }

    [Fact]
    public async Task AfterHours_FollowsLocalTimeAcrossTheSpringDaylightSavingChange()
    {
        // Summer time starts on Sunday 29 March 2026. Monday 30 March 07:30 local is 05:30 UTC: before the workday.
        // Monday 30 March 08:30 local is 06:30 UTC: inside it, though 06:30 UTC read with winter time would be 07:30.
        _s.Ticket("Alpha", "2026-03-30 07:00", "2026-03-30 07:30");
        _s.Ticket("Alpha", "2026-03-30 08:10", "2026-03-30 08:30");
        _s.Ticket("Alpha", "2026-03-31 17:00", "2026-03-31 17:29");
        _s.Ticket("Alpha", "2026-04-01 17:00", "2026-04-01 17:30");

        var w14 = (await _s.ComputeAsync("2026-W14", "2026-W14")).Team("Alpha", IsoWeek.Parse("2026-W14"))!;

        Assert.Equal(4, w14.Resolved);
        Assert.Equal(0.5, w14.AfterHoursShare!.Value, 6);
    }

    [Fact]
    public async Task AfterHours_FollowsLocalTimeAcrossTheAutumnChange()
    {
        // Winter time starts on Sunday 25 October 2026: Monday 26 October 08:00 local is 07:00 UTC.
        _s.Ticket("Alpha", "2026-10-26 07:40", "2026-10-26 08:00");
        _s.Ticket("Alpha", "2026-10-24 10:00", "2026-10-24 11:00");

        var w44 = (await _s.ComputeAsync("2026-W43", "2026-W44")).Team("Alpha", IsoWeek.Parse("2026-W44"))!;
        var w43 = (await _s.ComputeAsync("2026-W43", "2026-W44")).Team("Alpha", IsoWeek.Parse("2026-W43"))!;

        Assert.Equal(0.0, w44.AfterHoursShare!.Value, 6);
        Assert.Equal(1.0, w43.AfterHoursShare!.Value, 6); // a Saturday
    }

    [Fact]
    public async Task IsoWeek53_CollectsTheTurnOfTheYear()
    {
        _s.Ticket("Alpha", "2026-12-28 09:00", "2027-01-01 10:00");
        _s.Ticket("Alpha", "2027-01-03 23:59", "2027-01-04 09:00");

        var history = await _s.ComputeAsync("2026-W52", "2027-W01");

        var w53 = history.Team("Alpha", new IsoWeek(2026, 53))!;
        Assert.Equal((2, 1, 1), (w53.Incoming, w53.Resolved, w53.Backlog));
        Assert.Equal(1, history.Team("Alpha", new IsoWeek(2027, 1))!.Resolved);
    }

    [Fact]
    public async Task AgentWhoJoinsMidPeriod_IsNotOnStaffBeforeAndHasContractHoursProRata()
    {
        _s.Agent("Ann", "Alpha").Agent("Noor", "Alpha", 40m, new DateOnly(2026, 3, 18));
        _s.Ticket("Alpha", "2026-03-02 09:00", "2026-03-02 10:00"); // the data starts before the window

        var history = await _s.ComputeAsync("2026-W11", "2026-W13");

        Assert.False(history.Agent("Noor", IsoWeek.Parse("2026-W11"))!.OnStaff);
        Assert.Equal(0, history.Agent("Noor", IsoWeek.Parse("2026-W11"))!.ContractHours!.Value);
        Assert.Equal(24, history.Agent("Noor", IsoWeek.Parse("2026-W12"))!.ContractHours!.Value, 6); // Wednesday to Friday
        Assert.Equal(40, history.Agent("Noor", IsoWeek.Parse("2026-W13"))!.ContractHours!.Value, 6);
        Assert.Equal(1, history.Team("Alpha", IsoWeek.Parse("2026-W11"))!.AgentsOnStaff);
        Assert.Equal(2, history.Team("Alpha", IsoWeek.Parse("2026-W12"))!.AgentsOnStaff);
        Assert.Equal(64, history.Team("Alpha", IsoWeek.Parse("2026-W12"))!.ContractHours!.Value, 6);
    }

    [Fact]
    public async Task AgentOnLeaveAllWeek_IsMarkedOnLeave_AndLeftOutOfOpenTicketsPerAgentAndContractHours()
    {
        _s.Agent("Ann", "Alpha").Agent("Bas", "Alpha").Agent("Cem", "Alpha", 32m);
        _s.Leave("Bas", "2026-03-09", "2026-04-30");
        _s.Leave("Cem", "2026-03-09", "2026-03-13", hoursPerWeek: 16m);
        for (var i = 0; i < 6; i++)
        {
            _s.Ticket("Alpha", "2026-03-09 09:00", assignee: "Ann");
        }

        var history = await _s.ComputeAsync("2026-W11", "2026-W11");

        var team = history.Team("Alpha", IsoWeek.Parse("2026-W11"))!;
        Assert.Equal((3, 1), (team.AgentsOnStaff, team.AgentsOnLeave));
        Assert.Equal(3.0, team.WipPerAgent!.Value, 6); // 6 open tickets over Ann and Cem, not over three
        Assert.Equal(40 + 0 + 16, team.ContractHours!.Value, 6);
        Assert.True(history.Agent("Bas", IsoWeek.Parse("2026-W11"))!.OnLeave);
        Assert.Equal(0, history.Agent("Bas", IsoWeek.Parse("2026-W11"))!.ContractHours!.Value, 6);
        Assert.False(history.Agent("Cem", IsoWeek.Parse("2026-W11"))!.OnLeave); // half-time leave: still at work
        Assert.Equal(3, team.GroupSize); // on leave or not, three people stand behind the team's figures
    }

    [Fact]
    public async Task LeaveCoveringPartOfTheWeek_IsNotLeaveAllWeek_AndTakesOnlyThoseDaysFromTheContract()
    {
        _s.Agent("Ann", "Alpha").Agent("Bas", "Alpha");
        _s.Leave("Bas", "2026-03-11", "2026-03-13");
        _s.Ticket("Alpha", "2026-03-09 09:00", assignee: "Ann");

        var history = await _s.ComputeAsync("2026-W11", "2026-W11");

        var bas = history.Agent("Bas", IsoWeek.Parse("2026-W11"))!;
        Assert.False(bas.OnLeave);
        Assert.Equal(16, bas.ContractHours!.Value, 6); // Monday and Tuesday
        Assert.Equal(0, history.Team("Alpha", IsoWeek.Parse("2026-W11"))!.AgentsOnLeave);
    }

    [Fact]
    public async Task AgentWithUnknownContractHours_MakesTheTeamsContractHoursUnknown_NotASumWithZero()
    {
        _s.Agent("Ann", "Alpha").Agent("Bas", "Alpha", hours: null);
        _s.Logged("Bas", "2026-03-10", 600);

        var history = await _s.ComputeAsync("2026-W11", "2026-W11");

        Assert.Null(history.Agent("Bas", IsoWeek.Parse("2026-W11"))!.ContractHours);
        Assert.Equal(40, history.Agent("Ann", IsoWeek.Parse("2026-W11"))!.ContractHours!.Value, 6);
        var team = history.Team("Alpha", IsoWeek.Parse("2026-W11"))!;
        Assert.Null(team.ContractHours);
        Assert.Equal(2, team.AgentsOnStaff);
        Assert.Equal(10, team.HoursLogged, 6);
    }

    [Fact]
    public async Task NoRoster_AssigneesAreInferredAgentsOnStaff_AndContractHoursAreUnknown()
    {
        _s.Ticket("Alpha", "2026-03-09 09:00", "2026-03-09 11:00", assignee: "Ann");
        _s.Ticket("Alpha", "2026-03-10 09:00", assignee: "Bas");

        var team = (await _s.ComputeAsync("2026-W11", "2026-W11")).Team("Alpha", IsoWeek.Parse("2026-W11"))!;

        Assert.Equal(2, team.AgentsOnStaff);
        Assert.Null(team.ContractHours);
    }

    [Fact]
    public async Task AgentWhoLeft_IsOffStaffAfterTheEndDate()
    {
        _s.Agent("Ann", "Alpha");
        await _s.Store.Reference.UpsertAgentsAsync([new Analytics.Tickets.Agent { Name = "Bas", Team = "Alpha", ContractHours = 40, EndDate = new DateOnly(2026, 3, 11) }], CancellationToken.None);
        _s.Ticket("Alpha", "2026-03-02 09:00", "2026-03-02 10:00"); // the data starts before the window

        var history = await _s.ComputeAsync("2026-W11", "2026-W12");

        Assert.Equal(24, history.Agent("Bas", IsoWeek.Parse("2026-W11"))!.ContractHours!.Value, 6); // Monday to Wednesday
        Assert.False(history.Agent("Bas", IsoWeek.Parse("2026-W12"))!.OnStaff);
        Assert.Equal(1, history.Team("Alpha", IsoWeek.Parse("2026-W12"))!.AgentsOnStaff);
    }

    [Fact]
    public async Task TeamWithNoTicketsInAWeek_HasZeroCountsAndNoRates()
    {
        _s.Ticket("Alpha", "2026-03-09 09:00", "2026-03-09 10:00");
        _s.Ticket("Beta", "2026-03-02 09:00", "2026-03-02 10:00"); // Beta has data, from W10

        var beta = (await _s.ComputeAsync("2026-W11", "2026-W11")).Team("Beta", IsoWeek.Parse("2026-W11"))!;

        Assert.Equal((0, 0, 0), (beta.Incoming, beta.Resolved, beta.Backlog));
        Assert.Null(beta.SlaCompliance);
        Assert.Null(beta.ResolutionHoursMedian);
        Assert.Null(beta.BacklogAgeMedianDays);
        Assert.Equal(0, beta.DaysToClear); // nothing open: nothing to clear at W10's pace
        Assert.Null(beta.AfterHoursShare);
    }

    [Fact]
    public async Task BacklogAge_AndDaysToClear_AreMeasuredAtTheWeeksEnd()
    {
        // Open at the end of W12 (Monday 23 March 00:00): opened 2 and 10 days before.
        _s.Ticket("Alpha", "2026-03-21 00:00");
        _s.Ticket("Alpha", "2026-03-13 00:00");
        // Eight resolved over W09 to W12 (4 weeks, 20 working days): 0.4 a day. The data starts in W08.
        _s.Ticket("Alpha", "2026-02-16 09:00", "2026-02-16 10:00");
        foreach (var day in new[] { "02", "04", "10", "11", "16", "17", "18", "19" })
        {
            _s.Ticket("Alpha", $"2026-03-{day} 09:00", $"2026-03-{day} 10:00");
        }

        var w12 = (await _s.ComputeAsync("2026-W09", "2026-W12")).Team("Alpha", IsoWeek.Parse("2026-W12"))!;

        Assert.Equal(2, w12.Backlog);
        Assert.Equal(6, w12.BacklogAgeMedianDays!.Value, 3);
        Assert.Equal(2 + (0.9 * 8), w12.BacklogAgeP90Days!.Value, 3);
        Assert.Equal(2 / (8.0 / 20), w12.DaysToClear!.Value, 6);
    }

    [Fact]
    public async Task WorkInProgress_FollowsTheAssignmentHistory_AndCreditsTheResolver()
    {
        _s.Agent("Ann", "Alpha").Agent("Bas", "Alpha");
        var moved = _s.Ticket("Alpha", "2026-03-16 09:00", assignee: "Bas");
        _s.Event(moved, "2026-03-16 09:05", TicketEventKind.Assignment, null, "Ann");
        _s.Event(moved, "2026-03-18 11:00", TicketEventKind.Assignment, "Ann", "Bas");
        var bounced = _s.Ticket("Alpha", "2026-03-16 10:00", assignee: "Ann");
        _s.Event(bounced, "2026-03-16 10:00", TicketEventKind.Assignment, null, "Ann");
        _s.Event(bounced, "2026-03-17 10:00", TicketEventKind.Assignment, "Ann", "Bas");
        _s.Event(bounced, "2026-03-19 10:00", TicketEventKind.Assignment, "Bas", "Ann");
        _s.Ticket("Alpha", "2026-03-16 11:00", "2026-03-17 09:00", assignee: "Ann", resolvedBy: "Bas");
        _s.Ticket("Alpha", "2026-03-16 12:00", assignee: "Bas");

        var history = await _s.ComputeAsync("2026-W11", "2026-W12");

        var ann = history.Agent("Ann", IsoWeek.Parse("2026-W12"))!;
        var bas = history.Agent("Bas", IsoWeek.Parse("2026-W12"))!;
        Assert.Equal((1, 0, 2, 1), (ann.WorkInProgress, ann.Resolved, ann.HandedOn, ann.Bounced));
        Assert.Equal((2, 1, 1, 0), (bas.WorkInProgress, bas.Resolved, bas.HandedOn, bas.Bounced));
        Assert.Null(history.Agent("Ann", IsoWeek.Parse("2026-W11"))); // before the data starts
    }

    [Fact]
    public async Task HoursLogged_AddUpPerAgentAndTeamWeek()
    {
        _s.Agent("Ann", "Alpha").Agent("Bas", "Alpha", 32m);
        _s.Logged("Ann", "2026-03-16", 480).Logged("Ann", "2026-03-22", 60).Logged("Bas", "2026-03-17", 300).Logged("Bas", "2026-03-23", 120);

        var history = await _s.ComputeAsync("2026-W12", "2026-W13");

        Assert.Equal(9, history.Agent("Ann", IsoWeek.Parse("2026-W12"))!.HoursLogged, 6);
        Assert.Equal(5, history.Agent("Bas", IsoWeek.Parse("2026-W12"))!.HoursLogged, 6);
        Assert.Equal(14, history.Team("Alpha", IsoWeek.Parse("2026-W12"))!.HoursLogged, 6);
        Assert.Equal(72, history.Team("Alpha", IsoWeek.Parse("2026-W12"))!.ContractHours!.Value, 6);
        Assert.Equal(2, history.Team("Alpha", IsoWeek.Parse("2026-W13"))!.HoursLogged, 6);
    }

    [Fact]
    public async Task WeeksBeforeTheDataStarts_AreNoData_NotZeros()
    {
        // The store's first ticket is Beta's, in W11; Alpha's first is in W12.
        _s.Ticket("Beta", "2026-03-11 09:00", "2026-03-11 10:00");
        _s.Ticket("Alpha", "2026-03-17 09:00");

        var history = await _s.ComputeAsync("2026-W08", "2026-W13");

        Assert.Null(history.Department(IsoWeek.Parse("2026-W10")));
        Assert.Null(history.Team("Alpha", IsoWeek.Parse("2026-W11")));
        Assert.Equal(0, history.Team("Beta", IsoWeek.Parse("2026-W12"))!.Incoming); // a week of zeros after the start is data
        Assert.Equal(1, history.Team("Alpha", IsoWeek.Parse("2026-W13"))!.Backlog);
        Assert.Equal([IsoWeek.Parse("2026-W12"), IsoWeek.Parse("2026-W13")], history.TeamSeries("Alpha", IsoWeek.Parse("2026-W08"), IsoWeek.Parse("2026-W13")).Select(w => w.Week));
        Assert.Equal(IsoWeek.Parse("2026-W11"), history.DataStart("Department"));
        Assert.Equal(IsoWeek.Parse("2026-W12"), history.DataStart("Alpha"));
    }

    [Fact]
    public async Task DataStartBeforeTheWindow_IsKnownFromTheStore_EvenWithoutATicketSpanningTheWindowStart()
    {
        _s.Ticket("Alpha", "2026-01-05 09:00", "2026-01-05 10:00");
        _s.Ticket("Alpha", "2026-03-17 09:00", "2026-03-17 10:00");

        var history = await _s.ComputeAsync("2026-W10", "2026-W12");

        Assert.Equal(0, history.Team("Alpha", IsoWeek.Parse("2026-W10"))!.Incoming);
        Assert.Equal(IsoWeek.Parse("2026-W02"), history.DataStart("Alpha"));
    }

    [Fact]
    public async Task DaysToClear_OfAWeek_IsTheSameWhateverTheWindowStarts()
    {
        // One resolution a working day in W09 and W10, two a day in W11 and W12; 40 open at the end of W12. The data starts in W09.
        foreach (var day in Enumerable.Range(0, 28).Select(d => new DateOnly(2026, 2, 23).AddDays(d)).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)))
        {
            var stamp = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            _s.Ticket("Alpha", $"{stamp} 09:00", $"{stamp} 10:00");
            if (day >= new DateOnly(2026, 3, 9))
            {
                _s.Ticket("Alpha", $"{stamp} 09:00", $"{stamp} 11:00");
            }
        }

        foreach (var _ in Enumerable.Range(0, 40))
        {
            _s.Ticket("Alpha", "2026-03-20 12:00");
        }

        var week = IsoWeek.Parse("2026-W12");
        var figures = new List<double?>();
        foreach (var first in new[] { "2026-W12", "2026-W11", "2026-W10", "2026-W09", "2026-W04" })
        {
            figures.Add((await _s.ComputeAsync(first, "2026-W12")).Team("Alpha", week)!.DaysToClear);
        }

        // 30 resolved in 20 working days: 1.5 a day, so 40 open take 26.7 working days, whichever window
        // (a window of W12 alone used to average W12's rate only: 10.0).
        Assert.All(figures, f => Assert.Equal(40 / 1.5, f!.Value, 6));
    }

    [Fact]
    public async Task Compute_LastWeekBeforeFirst_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => _s.ComputeAsync("2026-W12", "2026-W10"));

        Assert.Contains("2026-W10", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _s.Dispose();
}
