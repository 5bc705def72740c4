using Analytics.Tickets;

namespace Analytics.Import;

/// <summary>What one row (or one folded group of rows) of an export yields.</summary>
public sealed record ImportItem(long Line)
{
    /// <summary>The ticket to write; null when the row was not readable.</summary>
    public Ticket? Ticket { get; init; }

    /// <summary>The ticket's content hash, computed while reading so the writing thread does not have to.</summary>
    public long? Hash { get; init; }

    public IReadOnlyList<TicketEvent> Events { get; init; } = [];

    public IReadOnlyList<Feedback> Feedback { get; init; } = [];

    /// <summary>Why the row is quarantined; empty for a good row.</summary>
    public IReadOnlyList<RowProblem> Problems { get; init; } = [];

    /// <summary>A row with problems is quarantined whole: writing it without the bad field would misstate the ticket.</summary>
    public static ImportItem Quarantined(long line, IReadOnlyList<RowProblem> problems) =>
        new(line) { Problems = problems.ToArray() };
}
