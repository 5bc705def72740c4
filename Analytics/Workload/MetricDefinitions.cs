namespace Analytics.Workload;

/// <summary>
/// The one-sentence definitions of the weekly figures, as reports print them. They repeat the
/// summaries on <see cref="WeeklyTeamMetrics"/> word for word: one definition, used everywhere.
/// </summary>
public static class MetricDefinitions
{
    /// <summary>
    /// A stable name per definition, in the order of <see cref="All"/>: reports look the figure and its definition up
    /// in their language by it ("Definition.&lt;id&gt;.Figure" and ".Text"); the English resource repeats <see cref="All"/>.
    /// </summary>
    public static IReadOnlyList<string> Ids { get; } =
    [
        "Week", "Incoming", "Resolved", "PassedOn", "OpenBacklog", "BacklogAge", "ResolutionTime", "WorkingHoursToResolve", "SlaCompliance",
        "FirstContactResolution", "ReopenRate", "ReassignmentRate", "AfterHoursShare", "DaysToClear", "WorkInProgress", "HoursLogged", "Percentiles",
    ];

    public static IReadOnlyList<(string Figure, string Definition)> All { get; } =
    [
        ("Week", "ISO week in the team's time zone; a week ends at local Monday 00:00, and an instant on that boundary belongs to the new week."),
        ("Incoming", "Tickets that reached the team in the week: opened there, or passed to it by another team."),
        ("Resolved", "Tickets finally resolved in the week while the team held them; credit goes to the resolver, not the last assignee."),
        ("Passed on", "Tickets the team passed to another team in the week."),
        ("Open backlog", "Open tickets the team held when the week ended."),
        ("Backlog age", "Median and 90th percentile age, from opening, of the backlog's tickets when the week ended, in days."),
        ("Resolution time", "Median and 90th percentile time from opening to resolution of the week's resolved tickets, in calendar hours."),
        ("Working hours to resolve", "The same counted in the team's working hours only (weekdays, workday, no public holidays)."),
        ("SLA compliance", "Of the week's resolved tickets that had an SLA target, the share that met it."),
        ("First-contact resolution", "Of the week's resolved incidents and requests, the share fixed on the day they were opened, never passed on and never reopened."),
        ("Reopen rate", "Of the week's resolved tickets, the share that had been reopened at least once."),
        ("Reassignment rate", "Of the week's resolved tickets, the share that had been reassigned at least once."),
        ("After-hours share", "Of the week's resolutions, the share that happened outside working hours (evenings, nights, weekends, public holidays)."),
        ("Days to clear", "The week-end backlog divided by the average resolved per working day over the last four weeks, in working days."),
        ("Work in progress", "Open tickets an agent held when the week ended, by the assignment history where the source has one; per agent for a team, the backlog per agent on staff."),
        ("Hours logged", "Hours registered for the week's days, against contract hours for the working days the agent was on staff."),
        ("Percentiles", "By linear interpolation between closest ranks, as spreadsheets' PERCENTILE.INC; the median of an even count is the mean of the middle two."),
    ];
}
