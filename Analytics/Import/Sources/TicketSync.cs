using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Analytics.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Import.Sources;

/// <summary>
/// Pulls the tickets changed since each source's watermark (less the overlap) out of its database and
/// upserts them into the store in batches. Each batch commits on its own and the watermark follows only
/// after the commit, so a run that dies anywhere leaves the store consistent and the next run re-reads
/// from the last committed point; upserts of unchanged tickets change nothing, so re-reading is harmless.
/// The watermark never passes now (from the injected clock) plus <see cref="SyncOptions.ClockSkew"/>: a row
/// whose updated_at is later is quarantined, and read again by every run until its time has come, so a source
/// clock running ahead cannot make the sync skip the rows changed after it.
/// </summary>
public sealed partial class TicketSync(
    TicketStore tickets,
    SyncStateStore state,
    ImportLedger ledger,
    IOptions<SyncOptions> options,
    Roster.RosterSync roster,
    TimeProvider time,
    ILogger<TicketSync> logger,
    IOptions<ImportSettings>? importSettings = null,
    Api.ApiConnectors? apiConnectors = null)
{
    /// <summary>Where an empty store starts reading: before any ticketing system's history.</summary>
    public static readonly DateTimeOffset Beginning = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The spans of source syncs, one per source and run: what a tracing host subscribes to.</summary>
    public const string ActivitySourceName = "Analytics.Sync";

    private static readonly ActivitySource Activities = new(ActivitySourceName);

    private SyncOptions Options => options.Value;

    /// <summary>Syncs every enabled source in turn; one source failing does not stop the others.</summary>
    public async Task<SyncReport> SyncAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<SourceSyncResult>();
        foreach (var source in Options.Sources.Where(s => s.Enabled))
        {
            results.Add(await SyncAsync(source, cancellationToken));
        }

        return new SyncReport(results);
    }

    /// <summary>Syncs one source, retrying with backoff while the source or the store fails; never throws for a failing source.</summary>
    public Task<SourceSyncResult> SyncAsync(TicketSourceOptions source, CancellationToken cancellationToken) =>
        SyncAsync(source, null, cancellationToken);

    /// <summary>As <see cref="SyncAsync(TicketSourceOptions, CancellationToken)"/>, reporting how far it has got every batch.</summary>
    public async Task<SourceSyncResult> SyncAsync(TicketSourceOptions source, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var activity = Activities.StartActivity($"sync {source.Name}")?.SetTag("source", source.Name);
        var totals = new Counts();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await RunOnceAsync(source, totals, progress, cancellationToken);
                await state.MarkSucceededAsync(source.Name, cancellationToken);
                var done = await state.GetAsync(source.Name, cancellationToken);
                Log.SyncSucceeded(logger, source.Name, totals.Read, totals.Inserted, totals.Updated, totals.Quarantined, done?.Watermark);
                await SyncRosterAsync(source, cancellationToken);
                return totals.Result(source.Name, true, attempt, done?.Watermark, null);
            }
            catch (Exception ex) when (IsRetryable(ex) && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= Options.MaxAttempts)
                {
                    var message = $"{ex.GetType().Name}: {ex.Message}";
                    Log.SyncFailed(logger, source.Name, attempt, message, ex);
                    await TryMarkFailedAsync(source.Name, message, cancellationToken);
                    var current = await TryGetWatermarkAsync(source.Name, cancellationToken);
                    return totals.Result(source.Name, false, attempt, current, message);
                }

                var delay = Backoff(attempt);
                Log.SyncAttemptFailed(logger, source.Name, attempt, Options.MaxAttempts, delay, ex.Message);
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (SourceQueryException ex)
            {
                Log.SyncFailed(logger, source.Name, attempt, ex.Message, ex);
                await TryMarkFailedAsync(source.Name, ex.Message, cancellationToken);
                return totals.Result(source.Name, false, attempt, await TryGetWatermarkAsync(source.Name, cancellationToken), ex.Message);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Anything else (a bad setting, a driver fault, a bug) fails this source's run, not the worker:
                // recorded where the operator looks (sync_state.last_error and the result), the trace in the log.
                var message = Printable.Escape($"{ex.GetType().Name}: {ex.Message}");
                Log.SyncFailed(logger, source.Name, attempt, message, ex);
                await TryMarkFailedAsync(source.Name, message, cancellationToken);
                return totals.Result(source.Name, false, attempt, await TryGetWatermarkAsync(source.Name, cancellationToken), message);
            }
        }
    }

    /// <summary>
    /// The source's roster query after its tickets. A failing roster query is logged and leaves the stored
    /// roster as it was; it does not fail the tickets' sync, whose watermark has already moved.
    /// </summary>
    private async Task SyncRosterAsync(TicketSourceOptions source, CancellationToken cancellationToken)
    {
        try
        {
            await roster.SyncAsync(source, cancellationToken);
        }
        catch (Exception ex) when (ex is SourceQueryException || IsRetryable(ex))
        {
            Log.RosterSyncFailed(logger, source.Name, ex.Message, ex);
        }
    }

    internal TimeSpan Backoff(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(Options.RetryDelay.Ticks * factor, Options.MaxRetryDelay.Ticks));
        return delay;
    }

    private static bool IsRetryable(Exception ex) =>
        ex is DbException or IOException or TimeoutException or System.Net.Sockets.SocketException
        || (ex is InvalidOperationException && ex.InnerException is DbException or IOException or System.Net.Sockets.SocketException);

    /// <summary>
    /// What every run of a source starts with: its zone, the clock's limit and where to read from, the
    /// stored watermark less the overlap (set back first if a run before the limit existed left it later).
    /// </summary>
    private async Task<RunWindow> BeginAsync(TicketSourceOptions source, CancellationToken cancellationToken)
    {
        var zone = ZoneOf(source);

        // Nothing may be later than this: a source clock running ahead must not carry the watermark past rows yet to change.
        var now = time.GetUtcNow();
        var limit = now + Options.ClockSkew;
        var futureTimes = importSettings?.Value.FutureTimes ?? FutureTimes.Quarantine;
        var current = await state.GetAsync(source.Name, cancellationToken);
        if (current?.Watermark is { } stored && stored > limit)
        {
            // Left by a run before the limit existed; reading from there would skip every row changed until then.
            Log.SyncWatermarkInFuture(logger, source.Name, stored, limit);
            await state.SetBackAsync(source.Name, limit, cancellationToken);
            current = await state.GetAsync(source.Name, cancellationToken);
        }

        var since = ReadFrom(current?.Watermark, Options.Overlap);

        await state.MarkStartedAsync(source.Name, cancellationToken);
        Log.SyncStarted(logger, source.Name, since);
        return new RunWindow(zone, now, limit, since, futureTimes);
    }

    /// <summary>The source's zone for times without an offset. Checked at start too; here again because a source can be synced with settings that bypassed that check.</summary>
    internal static TimeZoneInfo ZoneOf(TicketSourceOptions source) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(source.TimeZone ?? string.Empty, out var zone)
            ? zone
            : throw new SourceQueryException($"Source '{source.Name}': TimeZone '{source.TimeZone}' is not a known time zone (an IANA id such as Europe/Amsterdam).");

    /// <summary>Where a run reads from: the watermark less the overlap, or the beginning for a source never synced.</summary>
    internal static DateTimeOffset ReadFrom(DateTimeOffset? watermark, TimeSpan overlap)
    {
        var since = watermark is { } mark ? mark - overlap : Beginning;
        return since < Beginning ? Beginning : since;
    }

    private readonly record struct RunWindow(TimeZoneInfo Zone, DateTimeOffset Now, DateTimeOffset Limit, DateTimeOffset Since, FutureTimes FutureTimes);

    private async Task FlushAsync(
        string source,
        TicketBatchWriter writer,
        List<TicketWrite> batch,
        List<QuarantinedRow> quarantine,
        Counts totals,
        DateTimeOffset? watermark,
        CancellationToken cancellationToken)
    {
        var rows = batch.Count;
        if (batch.Count > 0)
        {
            var results = await writer.WriteAsync(batch, cancellationToken);
            foreach (var result in results)
            {
                switch (result.Outcome)
                {
                    case WriteOutcome.Inserted:
                        totals.Inserted++;
                        break;
                    case WriteOutcome.Updated:
                        totals.Updated++;
                        break;
                    default:
                        totals.Unchanged++;
                        break;
                }
            }

            batch.Clear();
        }

        if (quarantine.Count > 0)
        {
            await ledger.QuarantineAsync(quarantine, cancellationToken);
            quarantine.Clear();
        }

        if (watermark is { } mark)
        {
            await state.AdvanceAsync(source, mark, rows, cancellationToken);
        }
    }

    /// <summary>
    /// A source row in the quarantine: keyed by source and ticket (a hash, as the quarantine keys CSV rows by
    /// file content), named by both, so a row that stays bad is replaced rather than repeated.
    /// </summary>
    internal static QuarantinedRow Quarantined(string source, string key, RowProblem problem)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(source + "\u001f" + key));
        return new QuarantinedRow(
            "sync-" + hash.ToString("x16", CultureInfo.InvariantCulture),
            $"{source} ticket {key}",
            0,
            problem.Field,
            problem.RawValue,
            problem.Reason);
    }

    private async Task TryMarkFailedAsync(string source, string message, CancellationToken cancellationToken)
    {
        try
        {
            await state.MarkFailedAsync(source, message, cancellationToken);
        }
        catch (DbException ex)
        {
            // The store itself is down: the log line above is the report.
            Log.SyncStateUnwritable(logger, source, ex.Message);
        }
    }

    private async Task<DateTimeOffset?> TryGetWatermarkAsync(string source, CancellationToken cancellationToken)
    {
        try
        {
            return (await state.GetAsync(source, cancellationToken))?.Watermark;
        }
        catch (DbException)
        {
            return null;
        }
    }

    private sealed class Counts
    {
        public long Read { get; set; }

        public long Inserted { get; set; }

        public long Updated { get; set; }

        public long Unchanged { get; set; }

        public long Quarantined { get; set; }

        public long InFuture { get; set; }

        public long FutureKept { get; set; }

        public SourceSyncResult Result(string source, bool succeeded, int attempts, DateTimeOffset? watermark, string? error) =>
            new(source, succeeded, attempts, Read, Inserted, Updated, Unchanged, Quarantined, watermark, error, InFuture) { FutureKept = FutureKept };
    }
}
