namespace Analytics.Tickets;

/// <summary>Kind of lifecycle event taken from a source's event log or audit trail.</summary>
public enum TicketEventKind
{
    Status,
    Assignment,
    TeamAssignment,
}

/// <summary>A status or assignment change of a ticket, with time and actor.</summary>
public sealed record TicketEvent
{
    public required string Source { get; init; }
    public required string TicketId { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
    public required TicketEventKind Kind { get; init; }

    /// <summary>
    /// Tells apart events of one ticket with the same time and kind (two team changes in the same
    /// minute): their order in the source's history, counted from 0 within that time and kind.
    /// </summary>
    public int Sequence { get; init; }
    public string? FromValue { get; init; }
    public string? ToValue { get; init; }

    /// <summary>Who made the change, when the source says.</summary>
    public string? Actor { get; init; }
}
