using System.Threading.Channels;
using Analytics.Storage;
using Analytics.Tickets;

namespace Analytics.Import.EventLog;

/// <summary>
/// The second pass of an event-log import: reads the sorted rows in case order on a background task, folds
/// each case into its ticket and events, and hands them over in chunks to be written, so folding
/// overlaps with the store's writing. A case whose case-level values cannot be read is quarantined.
/// </summary>
internal sealed class EventLogFolding(
    TicketStore tickets,
    EventLogFile file,
    EventLogFold fold,
    ICaseFieldMapper caseFields,
    ImportContext context,
    QuarantineTally quarantine)
{
    public async Task<FoldCounts> RunAsync(EventRunSorter sorter, int batchSize, CancellationToken cancellationToken)
    {
        var channel = System.Threading.Channels.Channel.CreateBounded<Chunk>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        var counts = new FoldCounts();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = Task.Run(() => ProduceAsync(channel.Writer, sorter, Math.Max(1, batchSize), counts, stop.Token), stop.Token);
        try
        {
            await using var writer = await tickets.OpenWriterAsync(file.Fingerprint, cancellationToken);
            await foreach (var chunk in channel.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var result in await writer.WriteAsync(chunk.Tickets, cancellationToken))
                {
                    switch (result.Outcome)
                    {
                        case WriteOutcome.Inserted: counts.Inserted++; break;
                        case WriteOutcome.Updated: counts.Updated++; break;
                        default: counts.Unchanged++; break;
                    }
                }

                counts.EventsWritten += await tickets.AddEventsAsync(chunk.Events, cancellationToken);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            await producing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await producing;
        return counts;
    }

    private async Task ProduceAsync(ChannelWriter<Chunk> channel, EventRunSorter sorter, int batchSize, FoldCounts counts, CancellationToken cancellationToken)
    {
        try
        {
            var caseRecord = new CaseRecord(file.Header.Names.Count, caseFields.CaseColumns);
            var row = new RowReader(context);
            var chunk = new Chunk(batchSize);
            var history = new List<StagedEvent>();

            foreach (var e in sorter.ReadSorted())
            {
                if (history.Count > 0 && !string.Equals(history[0].CaseId, e.CaseId, StringComparison.Ordinal))
                {
                    FoldCase(history, caseRecord, row, chunk, counts);
                    history.Clear();
                    if (chunk.Tickets.Count >= batchSize)
                    {
                        await channel.WriteAsync(chunk, cancellationToken);
                        chunk = new Chunk(batchSize);
                        await quarantine.FlushAsync(cancellationToken);
                    }
                }

                history.Add(e);
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (history.Count > 0)
            {
                FoldCase(history, caseRecord, row, chunk, counts);
            }

            await channel.WriteAsync(chunk, cancellationToken);
            await quarantine.FlushAsync(cancellationToken);
            channel.Complete();
        }
        catch (Exception ex)
        {
            channel.Complete(ex);
            throw;
        }
    }

    private void FoldCase(List<StagedEvent> history, CaseRecord caseRecord, RowReader row, Chunk chunk, FoldCounts counts)
    {
        counts.Cases++;
        var (facts, events) = fold.Fold(context.Source, history);
        row.Load(caseRecord.Build(history));
        if (caseFields.Parse(row, facts) is { } ticket)
        {
            var firstLine = long.MaxValue;
            foreach (var e in history)
            {
                firstLine = Math.Min(firstLine, e.Line);
            }

            if (FutureTimeCheck.Problems(ticket, context.Now) is { Count: > 0 } future)
            {
                if (context.FutureTimes == FutureTimes.Quarantine)
                {
                    foreach (var problem in future)
                    {
                        quarantine.Add(firstLine, problem.Field, problem.RawValue, $"case '{facts.TicketId}': {problem.Reason}");
                    }

                    return;
                }

                counts.FutureKept++;
            }

            chunk.Tickets.Add(new TicketWrite(ticket, firstLine, TicketHash.Compute(ticket)));
            chunk.Events.AddRange(events);
            counts.EventsDerived += events.Count;
            return;
        }

        foreach (var problem in row.Problems)
        {
            quarantine.Add(caseRecord.LineOf(problem.Field, row.Line), problem.Field, problem.RawValue, $"case '{facts.TicketId}': {problem.Reason}");
        }
    }

    private sealed class Chunk(int capacity)
    {
        public List<TicketWrite> Tickets { get; } = new(capacity);

        public List<TicketEvent> Events { get; } = new(capacity * 4);
    }
}

/// <summary>What the fold did: cases seen, tickets written by outcome, events derived and newly stored.</summary>
internal sealed class FoldCounts
{
    public long Cases { get; set; }
    public long Inserted { get; set; }
    public long Updated { get; set; }
    public long Unchanged { get; set; }
    public long EventsDerived { get; set; }
    public long EventsWritten { get; set; }
    public long FutureKept { get; set; }
}
