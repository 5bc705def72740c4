using System.Diagnostics;
using System.Globalization;
using Analytics.Import.Api;
using Analytics.Storage;
using Analytics.Tickets;

namespace Analytics.Import.Sources;

/// <summary>
/// API sources: the connector reads the system page by page; each page is stored (tickets, then their events,
/// then its quarantine) before the watermark moves to what the page says is complete, and before the next page
/// is asked for. A run killed between pages therefore resumes from the last stored page, and re-reading a
/// page stores nothing twice (tickets are upserts, events are added only when absent).
/// </summary>
public sealed partial class TicketSync
{
    private async Task RunApiAsync(TicketSourceOptions source, Counts totals, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        var connector = (apiConnectors ?? throw new SourceQueryException($"Source '{source.Name}': API sources are not available in this host.")).For(source);
        using var client = new ApiClient(source.Name, source.Api, connector.Authorization(source.Api), time, logger);
        var (zone, now, limit, since, futureTimes) = await BeginAsync(source, cancellationToken);
        var request = new ApiReadRequest(source, since, limit, client, zone);

        await using var writer = await tickets.OpenWriterAsync(null, cancellationToken);
        var batch = new List<TicketWrite>();
        var events = new List<TicketEvent>();
        var quarantine = new List<QuarantinedRow>();
        DateTimeOffset? highest = null;
        DateTimeOffset? first = null;
        DateTimeOffset? complete = null;
        var runRead = 0L;
        var unmarked = 0;
        var clock = Stopwatch.StartNew();
        await foreach (var page in connector.ReadChangedAsync(request, cancellationToken).WithCancellation(cancellationToken))
        {
            foreach (var item in page.Tickets)
            {
                totals.Read++;
                runRead++;
                var ticket = item.Ticket;
                if (ticket.UpdatedAt > limit)
                {
                    totals.Quarantined++;
                    totals.InFuture++;
                    quarantine.Add(Quarantined(source.Name, ticket.TicketId, new RowProblem(
                        "updated_at",
                        ticket.UpdatedAt.ToString("u", CultureInfo.InvariantCulture),
                        $"updated_at is in the future: later than now plus Sync:ClockSkew ({limit:u}); the record is synced once that time has passed")));
                    continue;
                }

                first ??= ticket.UpdatedAt;
                highest = highest is { } h && h > ticket.UpdatedAt ? h : ticket.UpdatedAt;
                if (FutureTimeCheck.Problems(ticket, now) is { Count: > 0 } ahead)
                {
                    if (futureTimes == FutureTimes.Quarantine)
                    {
                        totals.Quarantined++;
                        quarantine.AddRange(ahead.Select(p => Quarantined(source.Name, ticket.TicketId, p)));
                        continue;
                    }

                    totals.FutureKept++;
                }

                batch.Add(new TicketWrite(ticket, null));
                events.AddRange(item.Events);
            }

            foreach (var problem in page.Problems)
            {
                totals.Read++;
                runRead++;
                totals.Quarantined++;
                quarantine.Add(Quarantined(source.Name, problem.RecordKey, new RowProblem(problem.Field, problem.RawValue, problem.Reason)));
            }

            if (page.CompleteUpTo is { } upTo)
            {
                complete = upTo;
            }

            // Events after their tickets: an event is only ever stored for a ticket that is.
            unmarked += batch.Count;
            await FlushAsync(source.Name, writer, batch, quarantine, totals, null, cancellationToken);
            if (events.Count > 0)
            {
                await tickets.AddEventsAsync(events, cancellationToken);
                events.Clear();
            }

            // Never past the newest change stored: what lies beyond is read again, which stores nothing twice.
            if (complete is { } mark && highest is { } stored)
            {
                await state.AdvanceAsync(source.Name, mark < stored ? mark : stored, unmarked, cancellationToken);
                unmarked = 0;
            }

            progress?.Report(new SyncProgress(source.Name, runRead, first, highest, limit));
        }

        // The whole window has been read: everything up to the newest change stored is, unless the last page
        // said less was complete (a connector reading two lists, such as TOPdesk's changes before its incidents).
        if (highest is { } newest)
        {
            await state.AdvanceAsync(source.Name, complete is { } c && c < newest ? c : newest, unmarked, cancellationToken);
        }

        progress?.Report(new SyncProgress(source.Name, runRead, first, limit, limit));
        Log.SyncRead(logger, source.Name, totals.Read, clock.Elapsed.TotalSeconds);
        await SyncApiRosterAsync(source, connector, request, cancellationToken);
    }

    /// <summary>
    /// The system's groups and members, stored as a roster file's rows would be. A roster that cannot be read
    /// is logged and leaves the stored roster as it was: the tickets' watermark has already moved.
    /// </summary>
    private async Task SyncApiRosterAsync(TicketSourceOptions source, ITicketApiConnector connector, ApiReadRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var tables = await connector.ReadRosterAsync(request, cancellationToken);
            foreach (var table in tables)
            {
                await roster.StoreTableAsync(source, table, cancellationToken);
            }
        }
        catch (SourceQueryException ex)
        {
            Log.RosterSyncFailed(logger, source.Name, ex.Message, ex);
        }
    }
}
