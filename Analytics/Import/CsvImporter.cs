using Analytics.Storage;
using Analytics.Tickets;

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
    ImportProfiles profiles)
{
    private readonly TicketStore _tickets = tickets;
    private readonly ActivityStore _activity = activity;
    private readonly ImportLedger _ledger = ledger;

    private const int ProblemsToShow = 20;

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

        var context = await CreateContextAsync(profile, options, cancellationToken);
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(stream, shape.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new CsvRecordReader(text, shape.Delimiter);

        var headerResult = csv.Read();
        if (headerResult?.Record is not { } headerRecord || headerRecord.Fields.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException($"{path}: no header row: the first line holds no column names.");
        }

        CsvHeader header = new(headerRecord.Fields.Select(f => f.Trim().Trim('\uFEFF')).ToArray());
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

        var run = new Run(this, mapper, shape, fileName, options.BatchSize);
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

        var summary = new ImportSummary(fileName, run.RowsRead, run.Inserted, run.Updated, run.Unchanged, run.QuarantinedRows, run.FirstProblems);
        await _ledger.FinishRunAsync(run.RunId, summary, cancellationToken);
        return summary;
    }

    private async Task<ImportContext> CreateContextAsync(IImportProfile profile, ImportOptions options, CancellationToken cancellationToken)
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
            teamZones);
    }

    /// <summary>The state of one import: the pending batch and the running counts.</summary>
    private sealed class Run(CsvImporter owner, IRowMapper mapper, FileShape shape, string fileName, int batchSize)
    {
        private readonly List<TicketWrite> _batch = new(batchSize);
        private readonly List<TicketEvent> _events = [];
        private readonly List<Feedback> _feedback = [];
        private readonly List<QuarantinedRow> _quarantine = [];
        private readonly HashSet<long> _quarantinedLines = [];

        public long RunId { get; set; }

        public TicketBatchWriter? Writer { get; set; }

        public long RowsRead { get; set; }

        public long Inserted { get; private set; }

        public long Updated { get; private set; }

        public long Unchanged { get; private set; }

        public long QuarantinedRows { get; private set; }

        public List<QuarantinedRow> FirstProblems { get; } = [];

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

            if (_quarantine.Count > 0)
            {
                await owner._ledger.QuarantineAsync(_quarantine, cancellationToken);
                _quarantine.Clear();
            }

            _quarantinedLines.Clear();
        }

        private void Quarantine(long line, string field, string? raw, string reason)
        {
            var row = new QuarantinedRow(shape.Fingerprint, fileName, line, field, QuarantinedRow.Cap(raw), reason);
            _quarantine.Add(row);
            if (_quarantinedLines.Add(line))
            {
                QuarantinedRows++;
            }

            if (FirstProblems.Count < ProblemsToShow)
            {
                FirstProblems.Add(row);
            }
        }
    }
}
