namespace Analytics.Tickets;

/// <summary>An operator. Everything about an agent is personal data (see DESIGN.md, privacy).</summary>
public sealed record Agent
{
    /// <summary>The name the ticketing system uses for this operator.</summary>
    public required string Name { get; init; }

    public required string Team { get; init; }

    /// <summary>
    /// Contracted hours per week; null when unknown (no roster gave them). Unknown is never read as 0:
    /// a figure that needs them (capacity, hours against contract) is unknown too.
    /// </summary>
    public decimal? ContractHours { get; init; }

    public string? ManagerEmail { get; init; }

    /// <summary>The agent asked not to appear in recognition highlights.</summary>
    public bool RecognitionOptOut { get; init; }

    /// <summary>First day with the team, when known; agents who join mid-period are not "missing" before it.</summary>
    public DateOnly? StartDate { get; init; }

    /// <summary>Last day with the team, when known; after it the agent is no longer on staff.</summary>
    public DateOnly? EndDate { get; init; }

    /// <summary>
    /// Not on a loaded roster: inferred from the tickets (an assignee active in the period). Its contract
    /// hours are unknown. Never stored; <see cref="Roster.RosterReader"/> adds it when reading.
    /// </summary>
    public bool Inferred { get; init; }

    /// <summary>Whether the agent is on staff on <paramref name="day"/>: started by then and not yet left.</summary>
    public bool OnStaffOn(DateOnly day) => (StartDate is not { } start || day >= start) && (EndDate is not { } end || day <= end);

    /// <summary>Whether the agent is on staff on any day from <paramref name="first"/> to <paramref name="last"/>: joined by its end and not left before its start.</summary>
    public bool OnStaffDuring(DateOnly first, DateOnly last) => (StartDate is not { } start || start <= last) && (EndDate is not { } end || end >= first);
}
