using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>
/// One team's week, or the whole department's (<see cref="IsDepartment"/>). Weeks are ISO weeks in the
/// team's time zone; a week ends at local Monday 00:00, and an instant on that boundary belongs to the
/// new week. Each property's summary is its definition, used the same way everywhere.
/// </summary>
public sealed record WeeklyTeamMetrics
{
    public required string Team { get; init; }
    public required IsoWeek Week { get; init; }
    public bool IsDepartment { get; init; }

    /// <summary>Tickets that reached the team in the week: opened there, or passed to it by another team.</summary>
    public int Incoming { get; init; }

    /// <summary>Tickets finally resolved in the week while the team held them.</summary>
    public int Resolved { get; init; }

    /// <summary>Tickets the team passed to another team in the week.</summary>
    public int PassedOn { get; init; }

    /// <summary>Open tickets the team held when the week ended.</summary>
    public int Backlog { get; init; }

    /// <summary>Median age, from opening, of the backlog's tickets when the week ended, in days.</summary>
    public double? BacklogAgeMedianDays { get; init; }

    /// <summary>90th percentile of the same ages, in days.</summary>
    public double? BacklogAgeP90Days { get; init; }

    /// <summary>Median time from opening to resolution of the week's resolved tickets, in calendar hours.</summary>
    public double? ResolutionHoursMedian { get; init; }

    /// <summary>90th percentile of the same, in calendar hours.</summary>
    public double? ResolutionHoursP90 { get; init; }

    /// <summary>Median time from opening to resolution counted in the team's working hours only (weekdays, workday, no public holidays).</summary>
    public double? ResolutionBusinessHoursMedian { get; init; }

    /// <summary>90th percentile of the same, in working hours.</summary>
    public double? ResolutionBusinessHoursP90 { get; init; }

    /// <summary>Of the week's resolved tickets that had an SLA target, the share that met it.</summary>
    public double? SlaCompliance { get; init; }

    /// <summary>How many of the week's resolved tickets had an SLA target (the base of <see cref="SlaCompliance"/>).</summary>
    public int SlaMeasured { get; init; }

    /// <summary>Of the week's resolved incidents and requests, the share fixed on the day they were opened, never passed on and never reopened.</summary>
    public double? FirstContactResolution { get; init; }

    /// <summary>Of the week's resolved tickets, the share that had been reopened at least once.</summary>
    public double? ReopenRate { get; init; }

    /// <summary>Of the week's resolved tickets, the share that had been reassigned at least once.</summary>
    public double? ReassignmentRate { get; init; }

    /// <summary>Of the week's resolutions, the share that happened outside working hours (evenings, nights, weekends, public holidays).</summary>
    public double? AfterHoursShare { get; init; }

    /// <summary>The week-end backlog divided by the average resolved per working day over the last four weeks, in working days.</summary>
    public double? DaysToClear { get; init; }

    /// <summary>Agents of the team on staff in the week (joined by its end, not left before it began), inferred agents included.</summary>
    public int AgentsOnStaff { get; init; }

    /// <summary>People who resolved the team's tickets in the week, whichever team they belong to.</summary>
    public int PeopleActive { get; init; }

    /// <summary>
    /// How many people the team's figures describe, for the privacy minimum: the staff on the roster, or
    /// the people who did its work when more (a team the inferred roster gives nobody still had people).
    /// </summary>
    public int GroupSize => Math.Max(AgentsOnStaff, PeopleActive);

    /// <summary>Of the agents on staff, those on leave every working day of the week: left out of the per-agent figures.</summary>
    public int AgentsOnLeave { get; init; }

    /// <summary>The week-end backlog per agent on staff and not on leave all week; unknown when there is nobody.</summary>
    public double? WipPerAgent { get; init; }

    /// <summary>Hours the team's agents registered for the week's days.</summary>
    public double HoursLogged { get; init; }

    /// <summary>
    /// The team's contract hours for the week: each agent's weekly hours for the working days they were on
    /// staff. Null (unknown) when any of them has unknown contract hours or nobody is on staff.
    /// </summary>
    public double? ContractHours { get; init; }
}
