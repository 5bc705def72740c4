using System.Data.Common;
using System.Globalization;
using Analytics.Tickets;
using Dapper;

namespace Analytics.Storage;

/// <summary>Time registrations, customer feedback and knowledge articles.</summary>
public sealed class ActivityStore(IDbConnectionFactory connections)
{
    private static readonly string[] TimeEntryKeys = ["source", "entry_id"];
    private static readonly string[] TimeEntryColumns = ["source", "entry_id", "agent", "work_date", "minutes", "activity", "ticket_id"];
    private static readonly string[] FeedbackKeys = ["source", "ticket_id", "given_at"];
    private static readonly string[] FeedbackColumns = ["source", "ticket_id", "given_at", "score", "comment"];
    private static readonly string[] ArticleKeys = ["source", "article_id"];
    private static readonly string[] ArticleColumns = ["source", "article_id", "title", "author", "team", "created_at", "times_used"];

    private SqlDialect Dialect => connections.Dialect;

    public Task UpsertTimeEntriesAsync(IEnumerable<TimeEntry> entries, CancellationToken cancellationToken) =>
        ExecuteEachAsync(Dialect.Upsert("time_entries", TimeEntryKeys, TimeEntryColumns), entries, e => new
        {
            source = e.Source,
            entry_id = e.EntryId,
            agent = e.Agent,
            work_date = Dialect.ToDb(e.WorkDate),
            minutes = e.Minutes,
            activity = e.Activity,
            ticket_id = e.TicketId,
        }, cancellationToken);

    public Task UpsertFeedbackAsync(IEnumerable<Feedback> feedback, CancellationToken cancellationToken) =>
        ExecuteEachAsync(Dialect.Upsert("feedback", FeedbackKeys, FeedbackColumns), feedback, f => new
        {
            source = f.Source,
            ticket_id = f.TicketId,
            given_at = Dialect.ToDb(f.GivenAt),
            score = f.Score,
            comment = f.Comment,
        }, cancellationToken);

    public Task UpsertArticlesAsync(IEnumerable<KnowledgeArticle> articles, CancellationToken cancellationToken) =>
        ExecuteEachAsync(Dialect.Upsert("knowledge_articles", ArticleKeys, ArticleColumns), articles, a => new
        {
            source = a.Source,
            article_id = a.ArticleId,
            title = a.Title,
            author = a.Author,
            team = a.Team,
            created_at = Dialect.ToDb(a.CreatedAt),
            times_used = a.TimesUsed,
        }, cancellationToken);

    public Task<IReadOnlyList<TimeEntry>> GetTimeEntriesAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT source, entry_id, agent, work_date, minutes, activity, ticket_id FROM {Dialect.Table("time_entries")} ORDER BY source, entry_id",
            r => new TimeEntry
            {
                Source = r.GetString(0),
                EntryId = r.GetString(1),
                Agent = r.GetString(2),
                WorkDate = Dialect.ReadDate(r, 3),
                Minutes = Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture),
                Activity = r.IsDBNull(5) ? null : r.GetString(5),
                TicketId = r.IsDBNull(6) ? null : r.GetString(6),
            },
            cancellationToken);

    public Task<IReadOnlyList<Feedback>> GetFeedbackAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT source, ticket_id, given_at, score, comment FROM {Dialect.Table("feedback")} ORDER BY source, ticket_id, given_at",
            r => new Feedback
            {
                Source = r.GetString(0),
                TicketId = r.GetString(1),
                GivenAt = Dialect.ReadInstant(r, 2),
                Score = Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture),
                Comment = r.IsDBNull(4) ? null : r.GetString(4),
            },
            cancellationToken);

    public Task<IReadOnlyList<KnowledgeArticle>> GetArticlesAsync(CancellationToken cancellationToken) =>
        QueryAsync(
            $"SELECT source, article_id, title, author, team, created_at, times_used FROM {Dialect.Table("knowledge_articles")} ORDER BY source, article_id",
            r => new KnowledgeArticle
            {
                Source = r.GetString(0),
                ArticleId = r.GetString(1),
                Title = r.GetString(2),
                Author = r.IsDBNull(3) ? null : r.GetString(3),
                Team = r.IsDBNull(4) ? null : r.GetString(4),
                CreatedAt = Dialect.ReadInstant(r, 5),
                TimesUsed = Convert.ToInt32(r.GetValue(6), CultureInfo.InvariantCulture),
            },
            cancellationToken);

    private async Task ExecuteEachAsync<T>(string sql, IEnumerable<T> items, Func<T, object> parameters, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var item in items)
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, parameters(item), transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(sql, cancellationToken: cancellationToken));
        var items = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            items.Add(map(reader));
        }

        return items;
    }
}
