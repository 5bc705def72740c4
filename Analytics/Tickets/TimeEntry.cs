namespace Analytics.Tickets;

/// <summary>A time registration; work without a ticket has no <see cref="TicketId"/>.</summary>
public sealed record TimeEntry
{
    public required string Source { get; init; }
    public required string EntryId { get; init; }
    public required string Agent { get; init; }
    public required DateOnly WorkDate { get; init; }
    public required int Minutes { get; init; }
    public string? Activity { get; init; }
    public string? TicketId { get; init; }
}
