using Analytics.Import.EventLog;
using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// Any CSV export, read through a <see cref="GenericMapping"/> file that names the column of each canonical
/// field. The mapping's source, date layout, time zone and delimiter fill what the command line leaves open.
/// </summary>
public sealed class GenericProfile : IImportProfile
{
    private readonly GenericMapping _mapping;
    private readonly string _mappingFile;

    public GenericProfile(GenericMapping mapping, string mappingFile)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        _mapping = mapping;
        _mappingFile = mappingFile;
    }

    public string Name => "generic";

    /// <summary>The mapping's event-log section; when present the file is folded per case (<see cref="EventLogImporter"/>).</summary>
    public EventLogMapping? EventLog => _mapping.EventLog;

    public GenericMapping Mapping => _mapping;

    /// <summary>The mapping file's path, for messages.</summary>
    public string MappingFile => _mappingFile;

    /// <summary>Loads the mapping file; see <see cref="GenericMapping.Load"/> for the errors.</summary>
    public static GenericProfile FromFile(string? mappingFile) => new(GenericMapping.Load(mappingFile), mappingFile!);

    public ImportOptions WithDefaults(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options with
        {
            Source = options.Source ?? _mapping.Source,
            DateFormat = options.DateFormat ?? _mapping.DateFormat,
            TimeZone = options.TimeZone ?? _mapping.TimeZone,
            Delimiter = options.Delimiter ?? (_mapping.Delimiter is { Length: 1 } d ? d[0] : null),
        };
    }

    public IRowMapper Bind(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new Mapper(header, _mapping, _mappingFile);
    }

    /// <summary>The case-level half of the mapping, for an event log's fold; see <see cref="ICaseFieldMapper"/>.</summary>
    internal ICaseFieldMapper BindCaseFields(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new Mapper(header, _mapping, _mappingFile);
    }

    private sealed class Mapper : IRowMapper, ICaseFieldMapper
    {
        private readonly Column? _ticketId;
        private readonly Column? _opened;
        private readonly Column? _source;
        private readonly Column? _title;
        private readonly Column? _category;
        private readonly Column? _subcategory;
        private readonly Column? _priority;
        private readonly Column? _team;
        private readonly Column? _assignee;
        private readonly Column? _resolvedBy;
        private readonly Column? _firstResponse;
        private readonly Column? _resolved;
        private readonly Column? _closed;
        private readonly Column? _due;
        private readonly Column? _slaBreached;
        private readonly Column? _reopenCount;
        private readonly Column? _reassignmentCount;
        private readonly Column? _proactive;
        private readonly Column? _timeSpent;
        private readonly Column? _problemId;
        private readonly Column? _causedByChange;
        private readonly Column? _updated;
        private readonly Column? _kind;
        private readonly Column? _channel;
        private readonly Dictionary<string, TicketKind> _kindMap = new(StringComparer.OrdinalIgnoreCase);
        private readonly TicketKind? _kindDefault;
        private readonly Dictionary<string, Channel> _channelMap = new(StringComparer.OrdinalIgnoreCase);
        private readonly Channel? _channelDefault;

        public Mapper(CsvHeader header, GenericMapping mapping, string mappingFile)
        {
            Column? Find(string field)
            {
                if (mapping.ColumnOf(field) is not { } name)
                {
                    return null;
                }

                return header.Find(name) ?? throw new ImportFileException(
                    $"The mapping file '{mappingFile}' maps {field} to column '{name}', which the file does not have. Columns found: {string.Join(", ", header.Names.Take(40))}.");
            }

            Column? FindValueColumn(string field, GenericValueMap? map)
            {
                if (map?.Column is not { } name)
                {
                    return Find(field);
                }

                return header.Find(name) ?? throw new ImportFileException(
                    $"The mapping file '{mappingFile}' reads {field} from column '{name}', which the file does not have. Columns found: {string.Join(", ", header.Names.Take(40))}.");
            }

            // The mapping was checked when loaded: both are mapped unless the file is an event log.
            _ticketId = Find("ticket_id");
            _opened = Find("opened_at");
            _source = Find("source");
            _title = Find("title");
            _category = Find("category");
            _subcategory = Find("subcategory");
            _priority = Find("priority");
            _team = Find("team");
            _assignee = Find("assignee");
            _resolvedBy = Find("resolved_by");
            _firstResponse = Find("first_response_at");
            _resolved = Find("resolved_at");
            _closed = Find("closed_at");
            _due = Find("due_at");
            _slaBreached = Find("sla_breached");
            _reopenCount = Find("reopen_count");
            _reassignmentCount = Find("reassignment_count");
            _proactive = Find("proactive");
            _timeSpent = Find("time_spent_minutes");
            _problemId = Find("problem_id");
            _causedByChange = Find("caused_by_change");
            _updated = Find("updated_at");
            _kind = FindValueColumn("kind", mapping.Kind);
            _channel = FindValueColumn("channel", mapping.Channel);

            foreach (var (word, value) in mapping.Kind?.Map ?? new Dictionary<string, string>())
            {
                _kindMap.TryAdd(word.Trim(), CanonicalNames.ParseKind(value));
            }

            _kindDefault = mapping.Kind?.Default is { } kindDefault ? CanonicalNames.ParseKind(kindDefault) : null;
            foreach (var (word, value) in mapping.Channel?.Map ?? new Dictionary<string, string>())
            {
                _channelMap.TryAdd(word.Trim(), CanonicalNames.ParseChannel(value));
            }

            _channelDefault = mapping.Channel?.Default is { } channelDefault ? CanonicalNames.ParseChannel(channelDefault) : null;
            DateColumns = new Column?[] { _opened, _firstResponse, _resolved, _closed, _due, _updated }
                .Where(c => c is not null).Select(c => c!.Value).Distinct().ToArray();
            CaseColumns = new Column?[]
                {
                    _source, _title, _category, _subcategory, _priority, _firstResponse, _due, _slaBreached, _proactive,
                    _timeSpent, _problemId, _causedByChange, _kind, _channel,
                }
                .Where(c => c is not null).Select(c => c!.Value).Distinct().ToArray();
        }

        public IReadOnlyList<Column> DateColumns { get; }

        public IReadOnlyList<Column> CaseColumns { get; }

        public string KeyColumn => _ticketId?.Name ?? "ticket_id";

        public IEnumerable<ImportItem> Map(RowReader row)
        {
            var ticket = Parse(row, null);
            return [ticket is null ? ImportItem.Quarantined(row.Line, row.Problems) : new ImportItem(row.Line) { Ticket = ticket }];
        }

        public IEnumerable<ImportItem> Flush() => [];

        public Ticket? Parse(RowReader row, CaseFacts? fold)
        {
            var ticketId = fold is null ? row.RequiredText(_ticketId!.Value) : fold.TicketId;
            var team = fold is null ? row.Text(_team) : fold.Team;
            var zone = row.Context.ZoneFor(team);
            var opened = fold is null ? row.Instant(_opened, zone) : fold.OpenedAt;
            if (opened is null && MissingValues.IsMissing(row.RawOf(_opened)))
            {
                row.Problem(_opened!.Value, row.RawOf(_opened), "required value is missing");
            }

            var firstResponse = row.Instant(_firstResponse, zone);
            var resolved = fold is null ? row.Instant(_resolved, zone) : fold.ResolvedAt;
            var closed = fold is null ? row.Instant(_closed, zone) : fold.ClosedAt;
            var due = row.Instant(_due, zone);
            var updated = fold is null ? row.Instant(_updated, zone) : fold.UpdatedAt;
            var slaBreached = row.Bool(_slaBreached);
            var reopens = fold is null ? row.WholeNumber(_reopenCount) : fold.ReopenCount;
            var reassignments = fold is null ? row.WholeNumber(_reassignmentCount) : fold.ReassignmentCount;
            var proactive = row.Bool(_proactive);
            var minutes = row.WholeNumber(_timeSpent);
            var kind = KindOf(row);
            var channel = ChannelOf(row.Text(_channel));

            // An event log's fold orders its own times; only a row's columns can contradict each other.
            if (fold is null && opened is { } o && resolved is { } r && r < o)
            {
                row.Problem(_resolved!.Value, row.RawOf(_resolved), $"resolved ({r:u}) before opened ({o:u})");
            }

            if (fold is null && opened is { } o2 && closed is { } c && c < o2)
            {
                row.Problem(_closed!.Value, row.RawOf(_closed), $"closed ({c:u}) before opened ({o2:u})");
            }

            if (row.Problems.Count > 0 || ticketId is null || opened is null || kind is null)
            {
                return null;
            }

            return new Ticket
            {
                Source = row.Text(_source) ?? row.Context.Source,
                TicketId = ticketId,
                Kind = kind.Value,
                Title = row.Text(_title),
                Category = row.Text(_category),
                Subcategory = row.Text(_subcategory),
                Priority = row.Text(_priority),
                Channel = channel,
                Team = team,
                Assignee = fold is null ? row.Text(_assignee) : fold.Assignee,
                ResolvedBy = fold is null ? row.Text(_resolvedBy) : fold.ResolvedBy,
                OpenedAt = opened.Value,
                FirstResponseAt = firstResponse,
                ResolvedAt = resolved,
                ClosedAt = closed,
                DueAt = due,
                SlaBreached = slaBreached,
                ReopenCount = reopens ?? 0,
                ReassignmentCount = reassignments ?? 0,
                Proactive = proactive ?? channel == Tickets.Channel.Monitoring,
                TimeSpentMinutes = minutes,
                ProblemId = row.Text(_problemId),
                CausedByChange = row.Text(_causedByChange),
                UpdatedAt = updated ?? Latest(opened.Value, firstResponse, resolved, closed),
            };
        }

        private TicketKind? KindOf(RowReader row)
        {
            var word = row.Text(_kind);
            if (word is null)
            {
                return _kindDefault ?? TicketKind.Incident;
            }

            if (_kindMap.TryGetValue(word, out var mapped) || CanonicalNames.TryParseKind(word, out mapped))
            {
                return mapped;
            }

            if ((KindNames.Parse(word) ?? _kindDefault) is { } known)
            {
                return known;
            }

            row.Problem(_kind!.Value, word, "unknown kind: add it to the mapping's \"kind.map\" or set \"kind.default\"");
            return null;
        }

        private Channel? ChannelOf(string? word)
        {
            if (word is null)
            {
                return _channelDefault;
            }

            if (_channelMap.TryGetValue(word, out var mapped) || CanonicalNames.TryParseChannel(word, out mapped))
            {
                return mapped;
            }

            return ChannelNames.Parse(word) ?? _channelDefault;
        }

        private static DateTimeOffset Latest(DateTimeOffset opened, params DateTimeOffset?[] others)
        {
            var latest = opened;
            foreach (var other in others)
            {
                if (other > latest)
                {
                    latest = other.Value;
                }
            }

            return latest;
        }
    }
}
