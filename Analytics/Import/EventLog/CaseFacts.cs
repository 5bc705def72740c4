namespace Analytics.Import.EventLog;

/// <summary>What a case's events say about its ticket: the fields the fold derives rather than reads.</summary>
internal sealed record CaseFacts(
    string TicketId,
    DateTimeOffset OpenedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    string? Team,
    string? Assignee,
    string? ResolvedBy,
    int ReopenCount,
    int ReassignmentCount,
    DateTimeOffset UpdatedAt);
