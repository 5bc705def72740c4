using System.Text;
using Analytics.Import.Profiles;
using Analytics.Storage;
using Analytics.Tickets;

namespace Analytics.Import.EventLog;

/// <summary>
/// Imports an event log (CSV rows or XES events): every readable row is staged in the store as it comes,
/// then the stage is read back ordered by case, time and line and each case is folded into its ticket
/// and events. Memory holds one batch of rows or tickets and one case, whatever the file's size or order.
/// </summary>
public sealed class EventLogImporter(
    TicketStore tickets,
    EventStage stage,
    ImportLedger ledger)
{
    private const int DateSampleRows = 200;

    internal async Task<ImportSummary> ImportAsync(
        EventLogFile file,
        GenericProfile profile,
        ImportContext context,
        ImportOptions options,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var mapping = profile.EventLog!;
        var columns = EventLogColumns.Bind(file.Header, mapping, profile.MappingFile);
        var caseFields = profile.BindCaseFields(file.Header);
        var quarantine = new QuarantineTally(ledger, file.Fingerprint, file.Name);
        var runId = await ledger.StartRunAsync(file.Name, file.Fingerprint, profile.Name, cancellationToken);
        await stage.ClearAbandonedAsync(file.Fingerprint, runId, cancellationToken);

        var staged = await StageAsync(file, columns, caseFields, context, options, quarantine, runId, progress, cancellationToken);
        var folded = await FoldAsync(file, mapping, caseFields, context, options, quarantine, runId, cancellationToken);
        await quarantine.FlushAsync(cancellationToken);
        await stage.DeleteRunAsync(runId, cancellationToken);

        var summary = new ImportSummary(file.Name, staged.RowsRead, folded.Inserted, folded.Updated, folded.Unchanged, quarantine.Rows, quarantine.FirstProblems)
        {
            EventLog = new EventLogSummary(staged.EventsStaged, folded.Cases, folded.EventsDerived, folded.EventsWritten),
        };
        await ledger.FinishRunAsync(runId, summary, cancellationToken);
        progress?.Report(new ImportProgress(file.Length, file.Length, staged.RowsRead));
        return summary;
    }

    private async Task<(long RowsRead, long EventsStaged)> StageAsync(
        EventLogFile file,
        EventLogColumns columns,
        ICaseFieldMapper caseFields,
        ImportContext context,
        ImportOptions options,
        QuarantineTally quarantine,
        long runId,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        // A sample of rows decides the date layout; they are then staged like every other row.
        var sample = new List<CsvReadResult>(DateSampleRows);
        while (sample.Count < DateSampleRows && file.Records.Read() is { } first)
        {
            sample.Add(first);
        }

        var dateColumns = caseFields.DateColumns.Append(columns.Timestamp).ToArray();
        context.DateFormat = options.DateFormat is { } explicitFormat
            ? DateFormat.Parse(explicitFormat)
            : DateFormat.Detect(sample
                .Where(r => r.Record is not null)
                .SelectMany(r => dateColumns.Where(c => c.Index < r.Record!.Fields.Count).Select(c => r.Record!.Fields[c.Index])));

        var row = new RowReader(context);
        var values = new StringBuilder();
        long rowsRead = 0;
        long eventsStaged = 0;
        await using var writer = await stage.OpenWriterAsync(runId, cancellationToken);

        async Task StageOne(CsvReadResult result)
        {
            rowsRead++;
            if (result.Record is not { } record)
            {
                quarantine.Add(result.Line, "(row)", result.Raw, result.Error ?? "unreadable row");
                return;
            }

            row.Load(record);
            if (Read(row, columns, caseFields, values) is { } staged)
            {
                await writer.AddAsync(staged, cancellationToken);
                eventsStaged++;
            }
            else
            {
                foreach (var problem in row.Problems)
                {
                    quarantine.Add(row.Line, problem.Field, problem.RawValue, problem.Reason);
                }
            }

            if (rowsRead % 10_000 == 0)
            {
                progress?.Report(new ImportProgress(file.Position(), file.Length, rowsRead));
                if (quarantine.Pending > 1_000)
                {
                    await quarantine.FlushAsync(cancellationToken);
                }
            }
        }

        foreach (var result in sample)
        {
            await StageOne(result);
        }

        while (file.Records.Read() is { } result)
        {
            await StageOne(result);
        }

        await writer.CommitAsync(cancellationToken);
        return (rowsRead, eventsStaged);
    }

    private static StagedEvent? Read(RowReader row, EventLogColumns columns, ICaseFieldMapper caseFields, StringBuilder values)
    {
        var caseId = row.RequiredText(columns.Case);
        var team = row.Text(columns.Team);
        var assignee = row.Text(columns.Assignee);
        var at = row.Instant(columns.Timestamp, row.Context.ZoneFor(team));
        if (at is null && MissingValues.IsMissing(row.RawOf(columns.Timestamp)))
        {
            row.Problem(columns.Timestamp, row.RawOf(columns.Timestamp), "required value is missing");
        }

        var activity = columns.ActivityOf(row);
        if (row.Problems.Count > 0 || caseId is null || at is null || activity is null)
        {
            return null;
        }

        // Case-level values stay raw here: the fold reads the case's last value of each column with the
        // profile's own mapping, so a bad value is reported once, for the ticket it would have described.
        values.Clear();
        for (var i = 0; i < caseFields.CaseColumns.Count; i++)
        {
            if (i > 0)
            {
                values.Append(StagedEvent.ValueSeparator);
            }

            var raw = row.RawOf(caseFields.CaseColumns[i]);
            if (!MissingValues.IsMissing(raw))
            {
                values.Append(raw!.Trim().Replace(StagedEvent.ValueSeparator, ' '));
            }
        }

        return new StagedEvent(caseId, at.Value, row.Line, activity, team, assignee, values.Length == 0 ? null : values.ToString());
    }

    private async Task<FoldCounts> FoldAsync(
        EventLogFile file,
        EventLogMapping mapping,
        ICaseFieldMapper caseFields,
        ImportContext context,
        ImportOptions options,
        QuarantineTally quarantine,
        long runId,
        CancellationToken cancellationToken)
    {
        var fold = new EventLogFold(mapping);
        var caseRecord = new CaseRecord(file.Header.Names.Count, caseFields.CaseColumns);
        var row = new RowReader(context);
        var counts = new FoldCounts();
        var batch = new List<TicketWrite>(options.BatchSize);
        var events = new List<TicketEvent>();
        var history = new List<StagedEvent>();
        await using var writer = await tickets.OpenWriterAsync(file.Fingerprint, cancellationToken);

        void FoldCase()
        {
            counts.Cases++;
            var (facts, caseEvents) = fold.Fold(context.Source, history);
            row.Load(caseRecord.Build(history));
            if (caseFields.Parse(row, facts) is { } ticket)
            {
                batch.Add(new TicketWrite(ticket, history.Min(e => e.Line), TicketHash.Compute(ticket)));
                events.AddRange(caseEvents);
                counts.EventsDerived += caseEvents.Count;
            }
            else
            {
                foreach (var problem in row.Problems)
                {
                    quarantine.Add(caseRecord.LineOf(problem.Field, row.Line), problem.Field, problem.RawValue, $"case '{facts.TicketId}': {problem.Reason}");
                }
            }
        }

        async Task FlushAsync()
        {
            var results = await writer.WriteAsync(batch, cancellationToken);
            foreach (var result in results)
            {
                switch (result.Outcome)
                {
                    case WriteOutcome.Inserted: counts.Inserted++; break;
                    case WriteOutcome.Updated: counts.Updated++; break;
                    default: counts.Unchanged++; break;
                }
            }

            counts.EventsWritten += await tickets.AddEventsAsync(events, cancellationToken);
            batch.Clear();
            events.Clear();
            await quarantine.FlushAsync(cancellationToken);
        }

        await foreach (var e in stage.ReadSortedAsync(runId, cancellationToken))
        {
            if (history.Count > 0 && !string.Equals(history[0].CaseId, e.CaseId, StringComparison.Ordinal))
            {
                FoldCase();
                history.Clear();
                if (batch.Count >= options.BatchSize)
                {
                    await FlushAsync();
                }
            }

            history.Add(e);
        }

        if (history.Count > 0)
        {
            FoldCase();
        }

        await FlushAsync();
        return counts;
    }

    private sealed class FoldCounts
    {
        public long Cases { get; set; }
        public long Inserted { get; set; }
        public long Updated { get; set; }
        public long Unchanged { get; set; }
        public long EventsDerived { get; set; }
        public long EventsWritten { get; set; }
    }
}
