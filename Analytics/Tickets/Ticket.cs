namespace Analytics.Tickets;

/// <summary>
/// One ticket in canonical form. Every source maps onto this shape; all instants are UTC.
/// </summary>
public sealed record Ticket
{
    /// <summary>Name of the source system or import ("servicenow", "topdesk-prod", ...).</summary>
    public required string Source { get; init; }

    /// <summary>The ticket's key in its source; unique together with <see cref="Source"/>.</summary>
    public required string TicketId { get; init; }

    public required TicketKind Kind { get; init; }
    public string? Title { get; init; }
    public string? Category { get; init; }
    public string? Subcategory { get; init; }

    /// <summary>Priority as the source names it ("1 - Critical", "P2", "Hoog").</summary>
    public string? Priority { get; init; }

    public Channel? Channel { get; init; }

    /// <summary>Operator group holding the ticket last.</summary>
    public string? Team { get; init; }

    /// <summary>Operator holding the ticket last.</summary>
    public string? Assignee { get; init; }

    /// <summary>Operator who resolved it; resolution credit goes here, not to the last assignee.</summary>
    public string? ResolvedBy { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }
    public DateTimeOffset? FirstResponseAt { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public DateTimeOffset? DueAt { get; init; }
    public bool? SlaBreached { get; init; }
    public int ReopenCount { get; init; }
    public int ReassignmentCount { get; init; }

    /// <summary>Raised by IT itself or by monitoring rather than by a user.</summary>
    public bool Proactive { get; init; }

    public int? TimeSpentMinutes { get; init; }

    /// <summary>Problem this ticket is linked to (incidents that a problem explains).</summary>
    public string? ProblemId { get; init; }

    /// <summary>Change that caused this ticket, when the source records it.</summary>
    public string? CausedByChange { get; init; }

    /// <summary>The source's last change: the sync watermark.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
}
