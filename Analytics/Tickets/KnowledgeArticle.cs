namespace Analytics.Tickets;

/// <summary>A knowledge base article and how often it was used in tickets.</summary>
public sealed record KnowledgeArticle
{
    public required string Source { get; init; }
    public required string ArticleId { get; init; }
    public required string Title { get; init; }
    public string? Author { get; init; }
    public string? Team { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public int TimesUsed { get; init; }
}
