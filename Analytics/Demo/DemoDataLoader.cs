using Analytics.Storage;
using Analytics.Tickets;
using Microsoft.Extensions.Options;

namespace Analytics.Demo;

/// <summary>
/// Writes a generated data set into the store. It replaces the previous demo data (its source) so
/// that a demo generated on another day leaves no stale tickets; data from other sources is untouched.
/// </summary>
public sealed class DemoDataLoader(TicketStore tickets, ActivityStore activity, ReferenceStore reference, SourceEraser eraser, IOptions<StoreOptions> storeOptions)
{
    public async Task<DemoLoadSummary> LoadAsync(DemoDataSet data, string source, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        progress?.Report("removing the previous demo data");
        await eraser.EraseAsync(source, cancellationToken);
        progress?.Report("teams and agents");
        await reference.UpsertTeamsAsync(data.Teams, cancellationToken);
        await reference.UpsertAgentsAsync(data.Agents, cancellationToken);
        await reference.UpsertLeaveAsync(data.Leave, cancellationToken);

        progress?.Report("tickets");
        var inserted = 0;
        await using (var writer = await tickets.OpenWriterAsync(null, cancellationToken))
        {
            foreach (var chunk in data.Tickets.Chunk(storeOptions.Value.BatchSize))
            {
                var results = await writer.WriteAsync([.. chunk.Select(t => new TicketWrite(t, null))], cancellationToken);
                inserted += results.Count(r => r.Outcome == WriteOutcome.Inserted);
            }
        }

        progress?.Report("ticket events");
        await tickets.AddEventsAsync(data.Events, cancellationToken);
        progress?.Report("time registrations");
        await activity.UpsertTimeEntriesAsync(data.TimeEntries, cancellationToken);
        progress?.Report("feedback and knowledge articles");
        await activity.UpsertFeedbackAsync(data.Feedback, cancellationToken);
        await activity.UpsertArticlesAsync(data.Articles, cancellationToken);
        return new DemoLoadSummary(inserted, data.Events.Count, data.TimeEntries.Count, data.Feedback.Count, data.Articles.Count);
    }
}

/// <summary>What a demo load wrote.</summary>
public sealed record DemoLoadSummary(int Tickets, int Events, int TimeEntries, int Feedback, int Articles);
