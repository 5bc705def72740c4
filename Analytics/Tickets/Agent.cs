namespace Analytics.Tickets;

/// <summary>An operator. Everything about an agent is personal data (see DESIGN.md, privacy).</summary>
public sealed record Agent
{
    /// <summary>The name the ticketing system uses for this operator.</summary>
    public required string Name { get; init; }

    public required string Team { get; init; }

    /// <summary>Contracted hours per week.</summary>
    public decimal ContractHours { get; init; } = 40m;

    public string? ManagerEmail { get; init; }

    /// <summary>The agent asked not to appear in recognition highlights.</summary>
    public bool RecognitionOptOut { get; init; }

    /// <summary>First day with the team, when known; agents who join mid-period are not "missing" before it.</summary>
    public DateOnly? StartDate { get; init; }
}
