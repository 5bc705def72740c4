namespace Analytics.Tickets;

/// <summary>A customer satisfaction response on a ticket.</summary>
public sealed record Feedback
{
    public required string Source { get; init; }
    public required string TicketId { get; init; }
    public required DateTimeOffset GivenAt { get; init; }

    /// <summary>Score from 1 (very dissatisfied) to 5 (very satisfied).</summary>
    public required int Score { get; init; }

    public string? Comment { get; init; }
}
