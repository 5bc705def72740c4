using System.Text;
using System.Threading.Channels;

namespace Analytics.Import.EventLog;

/// <summary>
/// The first pass of an event-log import: reads and checks every row on a background task and hands
/// the readable ones, in chunks through a bounded channel, to the sorter, so that parsing overlaps with
/// sorting. Unreadable rows are quarantined with their line and field.
/// </summary>
internal sealed class EventLogStaging(
    EventLogFile file,
    EventLogColumns columns,
    ICaseFieldMapper caseFields,
    ImportContext context,
    QuarantineTally quarantine)
{
    private const int DateSampleRows = 200;
    private const int ChunkSize = 5_000;

    private long _rowsRead;

    public async Task<long> RunAsync(
        EventRunSorter sorter, string? dateFormat, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var channel = Channel.CreateBounded<List<StagedEvent>>(new BoundedChannelOptions(4) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producing = Task.Run(() => ProduceAsync(channel.Writer, dateFormat, stop.Token), stop.Token);
        try
        {
            await foreach (var chunk in channel.Reader.ReadAllAsync(stop.Token))
            {
                foreach (var row in chunk)
                {
                    sorter.Add(row);
                }

                progress?.Report(new ImportProgress(file.Position(), file.Length, Interlocked.Read(ref _rowsRead)));
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
        return Interlocked.Read(ref _rowsRead);
    }

    private async Task ProduceAsync(ChannelWriter<List<StagedEvent>> channel, string? dateFormat, CancellationToken cancellationToken)
    {
        try
        {
            // A sample of rows decides the date layout; they are then staged like every other row.
            var sample = new List<CsvReadResult>(DateSampleRows);
            while (sample.Count < DateSampleRows && file.Records.Read() is { } first)
            {
                sample.Add(first);
            }

            var dateColumns = caseFields.DateColumns.Append(columns.Timestamp).ToArray();
            context.DateFormat = dateFormat is { } explicitFormat
                ? DateFormat.Parse(explicitFormat)
                : DateFormat.Detect(sample
                    .Where(r => r.Record is not null)
                    .SelectMany(r => dateColumns.Where(c => c.Index < r.Record!.Fields.Count).Select(c => r.Record!.Fields[c.Index])));

            var row = new RowReader(context);
            var values = new StringBuilder();
            var chunk = new List<StagedEvent>(ChunkSize);
            foreach (var result in sample.Concat(Remaining()))
            {
                Interlocked.Increment(ref _rowsRead);
                if (Read(result, row, values) is { } staged)
                {
                    chunk.Add(staged);
                }

                if (chunk.Count >= ChunkSize)
                {
                    await channel.WriteAsync(chunk, cancellationToken);
                    chunk = new List<StagedEvent>(ChunkSize);
                    if (quarantine.Pending > 1_000)
                    {
                        await quarantine.FlushAsync(cancellationToken);
                    }
                }
            }

            if (chunk.Count > 0)
            {
                await channel.WriteAsync(chunk, cancellationToken);
            }

            channel.Complete();
        }
        catch (Exception ex)
        {
            channel.Complete(ex);
            throw;
        }
    }

    private IEnumerable<CsvReadResult> Remaining()
    {
        while (file.Records.Read() is { } result)
        {
            yield return result;
        }
    }

    private StagedEvent? Read(CsvReadResult result, RowReader row, StringBuilder values)
    {
        if (result.Record is not { } record)
        {
            quarantine.Add(result.Line, "(row)", result.Raw, result.Error ?? "unreadable row");
            return null;
        }

        row.Load(record);
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
            foreach (var problem in row.Problems)
            {
                quarantine.Add(row.Line, problem.Field, problem.RawValue, problem.Reason);
            }

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
}
