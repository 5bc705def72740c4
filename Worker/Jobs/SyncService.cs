using Analytics.Import.Sources;
using Worker.Telemetry;

namespace Worker.Jobs;

/// <summary>One scheduled sync: every source, counted in the metrics; a source that failed after its retries fails the run.</summary>
public sealed class SyncService(TicketSync sync, WorkerMetrics metrics)
{
    public async Task<SyncReport> RunAsync(CancellationToken cancellationToken)
    {
        var report = await sync.SyncAllAsync(cancellationToken);
        foreach (var source in report.Sources)
        {
            metrics.RowsSynced(source.Source, source.RowsRead, source.Written, source.Quarantined, source.Succeeded);
        }

        if (!report.Succeeded)
        {
            var failed = report.Sources.Where(s => !s.Succeeded).Select(s => $"{s.Source}: {s.Error}");
            throw new SyncFailedException($"Sync failed for {string.Join("; ", failed)}");
        }

        return report;
    }
}

/// <summary>At least one source could not be synced, even after retries; the store holds every batch that committed.</summary>
public sealed class SyncFailedException(string message) : Exception(message);
