using Analytics.Calendar;
using Analytics.Roster;
using Analytics.Tickets;

namespace Analytics.Workload;

/// <summary>The state of one metrics pass: tickets go in one at a time, weekly metrics come out.</summary>
/// <remarks>
/// The pass starts <c>leadWeeks</c> before the first reported week: a week's figures that look back
/// (days to clear averages the resolve rate over <see cref="WorkloadOptions.DaysToClearWeeks"/> weeks)
/// must not depend on where the requested window happens to start. The lead weeks are not reported.
/// </remarks>
internal sealed class WorkloadPass
{
    private readonly int _lead;
    private readonly IsoWeek _firstWeek;
    private readonly IsoWeek _lastWeek;
    private readonly IReadOnlyList<Agent> _agents;
    private readonly LeaveCalendar _leave;
    private readonly WorkloadOptions _options;
    private readonly Dictionary<string, GroupWeeks> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AgentWeeks> _agentWeeks = new(StringComparer.Ordinal);
    private readonly GroupWeeks _department;
    private readonly List<Holding> _teamHoldings = [];
    private readonly List<Holding> _agentHoldings = [];
    private readonly TeamClocks _clocks;

    public WorkloadPass(IsoWeek firstWeek, IsoWeek lastWeek, IReadOnlyList<Team> teams, IReadOnlyList<Agent> agents, IHolidayCalendar holidays, WorkloadOptions options, int leadWeeks = 0, LeaveCalendar? leave = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leadWeeks);
        _lead = leadWeeks;
        _firstWeek = firstWeek;
        _lastWeek = lastWeek;
        _agents = agents;
        _leave = leave ?? LeaveCalendar.None;
        _options = options;
        _clocks = new TeamClocks(teams, options.TimeZone, firstWeek.AddWeeks(-leadWeeks), lastWeek, holidays);
        foreach (var team in teams)
        {
            _groups[team.Name] = new GroupWeeks(team.Name, _clocks.For(team.Name), false);
        }

        _department = new GroupWeeks(options.DepartmentName, _clocks.Default(options.DepartmentName), true);
        foreach (var agent in agents)
        {
            _agentWeeks[agent.Name] = new AgentWeeks(agent.Name, agent.Team, Group(agent.Team).Clock);
        }
    }

    /// <summary>The store's data for <paramref name="team"/> starts at <paramref name="firstOpened"/> (and so the department's no later).</summary>
    public void DataStartsAt(string team, DateTimeOffset firstOpened)
    {
        if (team.Length > 0)
        {
            var group = Group(team);
            group.NoteData(group.Clock.WeekIndex(firstOpened));
        }

        _department.NoteData(_department.Clock.WeekIndex(firstOpened));
    }

    public void Add(WorkloadTicket ticket)
    {
        TicketTimeline.Teams(ticket, _teamHoldings);
        foreach (var holding in _teamHoldings)
        {
            var group = Group(holding.Holder);
            Hold(group, ticket, holding);
        }

        var resolvingTeam = _teamHoldings.Count > 0 && !_teamHoldings[^1].EndedByHandover ? Group(_teamHoldings[^1].Holder) : null;
        Hold(_department, ticket, new Holding(_options.DepartmentName, ticket.OpenedAt, ticket.ResolvedAt, false));
        if (ticket.ResolvedAt is { } resolved)
        {
            if (resolvingTeam is not null)
            {
                CountResolution(resolvingTeam, ticket, resolved);
            }

            CountResolution(_department, ticket, resolved);
            if (ticket.ResolvedBy is { } resolver)
            {
                var agent = AgentNamed(resolver, resolvingTeam?.Name ?? ticket.Team);
                var week = agent.Clock.WeekIndex(resolved);
                if (week >= 0 && week < agent.Clock.WeekCount)
                {
                    agent.Resolved[week]++;
                    agent.AfterHours[week] += agent.Clock.IsAfterHours(resolved) ? 1 : 0;
                }
            }
        }

        TicketTimeline.Assignees(ticket, _agentHoldings);
        for (var i = 0; i < _agentHoldings.Count; i++)
        {
            var holding = _agentHoldings[i];
            var agent = AgentNamed(holding.Holder, ticket.Team);
            var clock = agent.Clock;
            agent.Hold(clock.WeekIndex(holding.From), holding.Until is { } until ? clock.WeekIndex(until) : clock.WeekCount);
            if (holding.EndedByHandover && holding.Until is { } handedAt)
            {
                Increment(agent.HandedOn, clock.WeekIndex(handedAt));
            }

            if (i > 0 && PassedOnBefore(holding.Holder, i))
            {
                Increment(agent.Bounced, clock.WeekIndex(holding.From));
            }
        }
    }

    /// <summary>Minutes an agent logged in the week at <paramref name="week"/> (weeks counted from the pass's first Monday, lead weeks included).</summary>
    public void AddLoggedMinutes(string agentName, int week, double minutes)
    {
        if (_agentWeeks.TryGetValue(agentName, out var agent) && week >= 0 && week < agent.MinutesLogged.Length)
        {
            agent.MinutesLogged[week] += minutes;

            // Registered time is data too: the agent's and their team's weeks count from it even before a first ticket.
            Group(agent.Team).NoteData(week);
            _department.NoteData(week);
        }
    }

    public WorkloadHistory Finish()
    {
        var teamWeeks = new List<WeeklyTeamMetrics>();
        foreach (var group in _groups.Values.Append(_department))
        {
            teamWeeks.AddRange(TeamMetrics(group));
        }

        var agentWeeks = new List<WeeklyAgentMetrics>();
        foreach (var agent in _agentWeeks.Values)
        {
            agentWeeks.AddRange(AgentMetrics(agent));
        }

        var dataStarts = _groups.Values.Append(_department)
            .Where(g => g.FirstDataWeek != int.MaxValue)
            .ToDictionary(g => g.Name, g => g.Clock.WeekAt(g.FirstDataWeek), StringComparer.Ordinal);
        return new WorkloadHistory(_firstWeek, _lastWeek, _options.DepartmentName, teamWeeks, agentWeeks, dataStarts);
    }

    private static void Hold(GroupWeeks group, WorkloadTicket ticket, Holding holding)
    {
        var clock = group.Clock;
        var entered = clock.WeekIndex(holding.From);
        var left = holding.Until is { } until ? clock.WeekIndex(until) : clock.WeekCount;
        group.NoteData(entered);
        Increment(group.Incoming, entered);
        if (holding.EndedByHandover)
        {
            Increment(group.PassedOn, left);
        }

        if (left > 0 && entered < clock.WeekCount && left > entered)
        {
            group.Spans.Add(new BacklogSpan(ticket.OpenedAt.UtcTicks, entered, Math.Min(left, clock.WeekCount)));
        }
    }

    private static void CountResolution(GroupWeeks group, WorkloadTicket ticket, DateTimeOffset resolved)
    {
        var clock = group.Clock;
        var week = clock.WeekIndex(resolved);
        if (!group.InWindow(week))
        {
            return;
        }

        group.Resolved[week]++;
        if (ticket.ResolvedBy is { } resolver)
        {
            (group.Resolvers[week] ??= new HashSet<string>(StringComparer.Ordinal)).Add(resolver);
        }

        group.CalendarHours[week].Add((float)(resolved - ticket.OpenedAt).TotalHours);
        group.BusinessHours[week].Add((float)(clock.BusinessMinutes(ticket.OpenedAt, resolved) / 60.0));
        if (ticket.SlaBreached is { } breached)
        {
            group.SlaMeasured[week]++;
            group.SlaMet[week] += breached ? 0 : 1;
        }

        if (ticket.Kind is TicketKind.Incident or TicketKind.Request)
        {
            group.FirstContactBase[week]++;
            var sameDay = clock.DayIndex(ticket.OpenedAt) == clock.DayIndex(resolved);
            group.FirstContact[week] += sameDay && !ticket.Reassigned && !ticket.Reopened ? 1 : 0;
        }

        group.Reopened[week] += ticket.Reopened ? 1 : 0;
        group.Reassigned[week] += ticket.Reassigned ? 1 : 0;
        group.AfterHours[week] += clock.IsAfterHours(resolved) ? 1 : 0;
    }

    private bool PassedOnBefore(string holder, int index)
    {
        for (var j = 0; j < index - 1; j++)
        {
            if (_agentHoldings[j].EndedByHandover && string.Equals(_agentHoldings[j].Holder, holder, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private GroupWeeks Group(string name)
    {
        if (!_groups.TryGetValue(name, out var group))
        {
            // A team the store's team list does not know: measured in the department's zone and hours.
            group = new GroupWeeks(name, _clocks.For(name), false);
            _groups[name] = group;
        }

        return group;
    }

    private AgentWeeks AgentNamed(string name, string? team)
    {
        if (!_agentWeeks.TryGetValue(name, out var agent))
        {
            var clock = team is null ? _department.Clock : Group(team).Clock;
            agent = new AgentWeeks(name, team ?? _options.DepartmentName, clock);
            _agentWeeks[name] = agent;
        }

        return agent;
    }

    private IEnumerable<WeeklyTeamMetrics> TeamMetrics(GroupWeeks g)
    {
        var (backlog, ageMedian, ageP90) = BacklogSweep.Run(g);
        var members = _agents.Where(a => g.IsDepartment || a.Team == g.Name).ToList();

        // Weeks before the group's data starts are left out: "no data", not a week of zeros.
        for (var w = Math.Max(_lead, g.FirstDataWeek); w < g.Clock.WeekCount; w++)
        {
            var week = g.Clock.WeekAt(w);
            var resolved = g.Resolved[w];
            var monday = g.Clock.MondayOf(w);
            var onStaff = members.Where(a => a.OnStaffDuring(monday, monday.AddDays(6))).ToList();
            var workdays = Workdays(g.Clock, w);
            var available = onStaff.Count(a => !_leave.AwayAllOf(a, workdays));

            // The rate comes from the weeks before this one whether or not they are reported (the lead
            // weeks), but never from weeks before the data starts, which would count as weeks of 0 resolved.
            var rateWeeks = Math.Max(Math.Max(0, g.FirstDataWeek), w - _options.DaysToClearWeeks + 1);
            var resolvedRecently = 0;
            for (var r = rateWeeks; r <= w; r++)
            {
                resolvedRecently += g.Resolved[r];
            }

            var rateWorkdays = g.Clock.WorkdaysIn(rateWeeks, w);
            var agentWeeks = onStaff.Select(a => _agentWeeks[a.Name]).ToList();
            var (calendarMedian, calendarP90) = Percentile.MedianAndP90(Span(g.CalendarHours[w]));
            var (businessMedian, businessP90) = Percentile.MedianAndP90(Span(g.BusinessHours[w]));
            yield return new WeeklyTeamMetrics
            {
                Team = g.Name,
                Week = week,
                IsDepartment = g.IsDepartment,
                Incoming = g.Incoming[w],
                Resolved = resolved,
                PassedOn = g.PassedOn[w],
                Backlog = backlog[w],
                BacklogAgeMedianDays = ageMedian[w],
                BacklogAgeP90Days = ageP90[w],
                ResolutionHoursMedian = calendarMedian,
                ResolutionHoursP90 = calendarP90,
                ResolutionBusinessHoursMedian = businessMedian,
                ResolutionBusinessHoursP90 = businessP90,
                SlaCompliance = Share(g.SlaMet[w], g.SlaMeasured[w]),
                SlaMeasured = g.SlaMeasured[w],
                FirstContactResolution = Share(g.FirstContact[w], g.FirstContactBase[w]),
                ReopenRate = Share(g.Reopened[w], resolved),
                ReassignmentRate = Share(g.Reassigned[w], resolved),
                AfterHoursShare = Share(g.AfterHours[w], resolved),
                DaysToClear = resolvedRecently == 0 || rateWorkdays == 0 ? null : backlog[w] / ((double)resolvedRecently / rateWorkdays),
                AgentsOnStaff = onStaff.Count,
                PeopleActive = g.Resolvers[w]?.Count ?? 0,
                AgentsOnLeave = onStaff.Count - available,
                WipPerAgent = available == 0 ? null : (double)backlog[w] / available,
                HoursLogged = agentWeeks.Sum(a => a.MinutesLogged[w]) / 60.0,
                ContractHours = TeamContractHours(onStaff, workdays),
            };
        }
    }

    private IEnumerable<WeeklyAgentMetrics> AgentMetrics(AgentWeeks a)
    {
        var agent = _agents.FirstOrDefault(x => x.Name == a.Name);
        var first = Math.Max(_lead, _department.FirstDataWeek);

        // Someone the organisation does not list who was active only in the lead weeks is no agent of the window.
        if (agent is null && !ActiveFrom(a, first))
        {
            yield break;
        }

        var wip = 0;
        for (var w = 0; w < a.Clock.WeekCount; w++)
        {
            wip += a.WipChanges[w];
            if (w < first)
            {
                continue;
            }

            var week = a.Clock.WeekAt(w);
            var workdays = agent is null ? [] : Workdays(a.Clock, w);
            yield return new WeeklyAgentMetrics
            {
                Agent = a.Name,
                Team = a.Team,
                Week = week,
                OnStaff = agent is null || agent.OnStaffDuring(a.Clock.MondayOf(w), a.Clock.MondayOf(w).AddDays(6)),
                OnLeave = agent is not null && _leave.AwayAllOf(agent, workdays),
                Resolved = a.Resolved[w],
                WorkInProgress = wip,
                AfterHoursResolutions = a.AfterHours[w],
                AfterHoursShare = Share(a.AfterHours[w], a.Resolved[w]),
                HoursLogged = a.MinutesLogged[w] / 60.0,
                ContractHours = agent is null ? null : _leave.AvailableHours(agent, workdays),
                HandedOn = a.HandedOn[w],
                Bounced = a.Bounced[w],
            };
        }
    }

    private static bool ActiveFrom(AgentWeeks a, int first)
    {
        var wip = 0;
        for (var w = 0; w < a.Clock.WeekCount; w++)
        {
            wip += a.WipChanges[w];
            if (w >= first && (wip > 0 || a.Resolved[w] > 0 || a.HandedOn[w] > 0 || a.MinutesLogged[w] > 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The team's contract hours for the week, less leave; unknown (null) when any agent on staff has unknown
    /// contract hours or nobody is on staff: a sum over part of the team, or over nobody, would read as a fact.
    /// </summary>
    private double? TeamContractHours(List<Agent> onStaff, IReadOnlyList<DateOnly> workdays)
    {
        if (onStaff.Count == 0)
        {
            return null;
        }

        var total = 0.0;
        foreach (var agent in onStaff)
        {
            if (_leave.AvailableHours(agent, workdays) is not { } hours)
            {
                return null;
            }

            total += hours;
        }

        return total;
    }

    /// <summary>The week's working days (public holidays are paid leave, so not among them).</summary>
    private static List<DateOnly> Workdays(TeamClock clock, int week)
    {
        var monday = clock.MondayOf(week);
        return [.. Enumerable.Range(0, 5).Where(d => clock.IsWorkday((week * 7) + d)).Select(d => monday.AddDays(d))];
    }

    private static double? Share(int part, int whole) => whole == 0 ? null : (double)part / whole;

    private static Span<float> Span(List<float> values) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(values);

    private static void Increment(int[] counts, int index)
    {
        if (index >= 0 && index < counts.Length)
        {
            counts[index]++;
        }
    }
}
