using System.IO.Hashing;
using Analytics.Import.EventLog;
using Analytics.Import.Profiles;
using Analytics.Import.Xes;
using Analytics.Storage;
using Analytics.Tickets;
using Microsoft.Extensions.Options;

namespace Analytics.Import;

/// <summary>
/// Streams an export file into the store: sniff, read the header, bind the profile, then map and
/// write in batches. Memory holds one batch and a fixed sample, whatever the file's size.
/// </summary>
public sealed class CsvImporter(
    TicketStore tickets,
    ActivityStore activity,
    ReferenceStore reference,
    ImportLedger ledger,
    ImportProfiles profiles,
    EventLogImporter eventLogs,
    IOptions<ImportSettings>? settings = null,
    TimeProvider? time = null)
{
    // Imports are operational facts: "the future" is measured on the real clock, never on --as-of.
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ImportSettings _settings = settings?.Value ?? new ImportSettings();

    private readonly TicketStore _tickets = tickets;
    private readonly ActivityStore _activity = activity;
    private readonly ImportLedger _ledger = ledger;

    public async Task<ImportSummary> ImportAsync(
        string path,
        ImportOptions options,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportFileException($"{path}: file not found.");
        }

        var profile = profiles.Get(options.Profile, options.MappingFile);
        options = profile.WithDefaults(options);
        if (XesFile.LooksLikeXes(path))
        {
            return await ImportXesAsync(path, profile, options, progress, cancellationToken);
        }

        FileShape shape;
        try
        {
            shape = FileSniffer.Sniff(path, options.Encoding, options.Delimiter);
        }
        catch (IOException ex)
        {
            throw new ImportFileException($"{path}: cannot be read: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ImportFileException($"{path}: cannot be read: {ex.Message}", ex);
        }

        if (shape.Length == 0)
        {
            throw new ImportFileException($"{path}: the file is empty.");
        }

        var context = await CreateContextAsync(profile, options, shape.InvalidTextHint, cancellationToken);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(stream, shape.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvRecordReader(text, shape.Delimiter);

        var headerResult = csv.Read();
        if (headerResult?.Record is not { } headerRecord || headerRecord.Fields.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException($"{path}: no header row: the first line holds no column names.");
        }

        // Column names are echoed in messages ("Columns found: ..."), so control characters are spelled out here, once.
        CsvHeader header = new(headerRecord.Fields.Select(f => Printable.Escape(f.Trim().Trim('\uFEFF'))).ToArray());
        IRowMapper mapper;
        try
        {
            mapper = profile.Bind(header);
        }
        catch (ImportFileException ex)
        {
            throw new ImportFileException($"{path}: {ex.Message}", ex);
        }

        csv.ExpectedFieldCount = header.Names.Count;
        if (profile is GenericProfile { EventLog: not null } eventLogProfile)
        {
            var file = new EventLogFile(fileName, shape.Fingerprint, shape.Length, header, csv, () => stream.Position) { Notes = shape.Notes };
            return await eventLogs.ImportAsync(file, eventLogProfile, context, options, progress, cancellationToken);
        }

        var run = new Run(this, mapper, shape, fileName, options.BatchSize, context);
        run.RunId = await _ledger.StartRunAsync(fileName, shape.Fingerprint, profile.Name, cancellationToken);
        await using var writer = await _tickets.OpenWriterAsync(shape.Fingerprint, cancellationToken);
        run.Writer = writer;

        // Reading and mapping run on one core while the store writes on the other.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var rows = new MappedRowStream(csv, mapper, context, options.DateFormat, options.BatchSize);
        var producing = rows.ProduceAsync(stop.Token);
        try
        {
            await foreach (var chunk in rows.ReadAllAsync(stop.Token))
            {
                foreach (var item in chunk)
                {
                    await run.AddAsync(item, cancellationToken);
                }

                progress?.Report(new ImportProgress(stream.Position, shape.Length, rows.RowsRead));
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

        run.RowsRead = rows.RowsRead;
        await run.FlushAsync(cancellationToken);
        progress?.Report(new ImportProgress(shape.Length, shape.Length, run.RowsRead));

        var summary = new ImportSummary(fileName, run.RowsRead, run.Inserted, run.Updated, run.Unchanged, run.QuarantinedRows, run.FirstProblems)
        {
            FutureKept = run.FutureKept,
            Notes = shape.Notes,
        };
        await _ledger.FinishRunAsync(run.RunId, summary, cancellationToken);
        return summary;
    }

    /// <summary>An XES log: its events are an event log's rows, laid out by the attributes the mapping names.</summary>
    private async Task<ImportSummary> ImportXesAsync(
        string path, IImportProfile profile, ImportOptions options, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        if (profile is not GenericProfile { EventLog: not null } eventLogProfile)
        {
            throw new ImportFileException(
                $"{path}: an XES event log; import it with --profile generic and a mapping file with an \"eventLog\" section (see docs/generic-mapping.md).");
        }

        string fingerprint;
        long length;
        await using (var raw = File.OpenRead(path))
        {
            length = raw.Length;
            var hash = new XxHash128();
            await hash.AppendAsync(raw, cancellationToken);
            fingerprint = Convert.ToHexStringLower(hash.GetCurrentHash());
        }

        var context = await CreateContextAsync(profile, options, null, cancellationToken);
        var header = new CsvHeader(eventLogProfile.Mapping.NamedColumns());
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        await using var content = XesFile.OpenContent(stream);
        using var records = new XesRecordReader(content, header.Names);
        var file = new EventLogFile(Path.GetFileName(path), fingerprint, length, header, records, () => stream.Position);
        return await eventLogs.ImportAsync(file, eventLogProfile, context, options, progress, cancellationToken);
    }

    private async Task<ImportContext> CreateContextAsync(IImportProfile profile, ImportOptions options, string? invalidTextHint, CancellationToken cancellationToken)
    {
        var teamZones = new Dictionary<string, TimeZoneInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var team in await reference.GetTeamsAsync(cancellationToken))
        {
            teamZones[team.Name] = LocalTime.FindZone(team.TimeZone);
        }

        return new ImportContext(
            options.Source ?? profile.Name,
            DateFormat.Iso,
            LocalTime.FindZone(options.DefaultTimeZone),
            options.TimeZone is { } zone ? LocalTime.FindZone(zone) : null,
            teamZones)
        {
            Now = _time.GetUtcNow(),
            FutureTimes = _settings.FutureTimes,
            InvalidTextHint = invalidTextHint,
        };
    }

    /// <summary>The state of one import: the pending batch and the running counts.</summary>
    private sealed class Run(CsvImporter owner, IRowMapper mapper, FileShape shape, string fileName, int batchSize, ImportContext context)
    {
        private readonly List<TicketWrite> _batch = new(batchSize);
        private readonly List<TicketEvent> _events = [];
        private readonly List<Feedback> _feedback = [];
        private readonly QuarantineTally _quarantine = new(owner._ledger, shape.Fingerprint, fileName);

        public long RunId { get; set; }

        public TicketBatchWriter? Writer { get; set; }

        public long RowsRead { get; set; }

        public long Inserted { get; private set; }

        public long Updated { get; private set; }

        public long Unchanged { get; private set; }

        public long QuarantinedRows => _quarantine.Rows;

        public List<QuarantinedRow> FirstProblems => _quarantine.FirstProblems;

        public long FutureKept { get; private set; }

        public async Task AddAsync(ImportItem item, CancellationToken cancellationToken)
        {
            if (item.Problems.Count > 0 || item.Ticket is null)
            {
                foreach (var problem in item.Problems)
                {
                    Quarantine(item.Line, problem.Field, problem.RawValue, problem.Reason);
                }

                return;
            }

            if (FutureTimeCheck.Problems(item.Ticket, context.Now) is { Count: > 0 } future)
            {
                if (context.FutureTimes == FutureTimes.Quarantine)
                {
                    foreach (var problem in future)
                    {
                        Quarantine(item.Line, problem.Field, problem.RawValue, problem.Reason);
                    }

                    return;
                }

                FutureKept++;
            }

            _batch.Add(new TicketWrite(item.Ticket, item.Line, item.Hash));
            _events.AddRange(item.Events);
            _feedback.AddRange(item.Feedback);
            if (_batch.Count >= batchSize)
            {
                await FlushAsync(cancellationToken);
            }
        }

        public async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (_batch.Count > 0)
            {
                var results = await Writer!.WriteAsync(_batch, cancellationToken);
                var written = new HashSet<(string, string)>();
                for (var i = 0; i < results.Count; i++)
                {
                    var ticket = _batch[i].Ticket;
                    switch (results[i].Outcome)
                    {
                        case WriteOutcome.Inserted:
                            Inserted++;
                            written.Add((ticket.Source, ticket.TicketId));
                            break;
                        case WriteOutcome.Updated:
                            Updated++;
                            written.Add((ticket.Source, ticket.TicketId));
                            break;
                        case WriteOutcome.Unchanged:
                            Unchanged++;
                            written.Add((ticket.Source, ticket.TicketId));
                            break;
                        case WriteOutcome.ConflictingDuplicate:
                            Quarantine(_batch[i].Line ?? 0, mapper.KeyColumn, ticket.TicketId,
                                $"duplicate key '{ticket.TicketId}' with different data; line {results[i].FirstLine} was kept");
                            break;
                    }
                }

                // Events and feedback of a quarantined duplicate would describe data that was not kept.
                _events.RemoveAll(e => !written.Contains((e.Source, e.TicketId)));
                _feedback.RemoveAll(f => !written.Contains((f.Source, f.TicketId)));
                if (_events.Count > 0)
                {
                    await owner._tickets.AddEventsAsync(_events, cancellationToken);
                }

                if (_feedback.Count > 0)
                {
                    await owner._activity.UpsertFeedbackAsync(_feedback, cancellationToken);
                }

                _batch.Clear();
                _events.Clear();
                _feedback.Clear();
            }

            await _quarantine.FlushAsync(cancellationToken);
        }

        private void Quarantine(long line, string field, string? raw, string reason) =>
            _quarantine.Add(line, field, raw, reason);
    }
}
