using System.Globalization;
using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// TOPdesk incident list exports, with Dutch or English column headings (as the exporting operator's
/// language gives them). Dutch exports usually use ';' and day-first dates ("5-1-2026 9:05"); both are detected.
/// <list type="bullet">
/// <item>Incidentnummer / Incident number and Aanmelddatum / Call date are required.</item>
/// <item>Afgemeld / Closed (Ja/Nee) with Datum afgemeld / Closure date gives closed_at; Gereed / Completed
/// with Datum gereed / Completion date gives resolved_at, falling back to the closure date. A "Nee" flag
/// makes the ticket open whatever date is left in the export; a "Ja" flag without its date is a row problem.</item>
/// <item>Soort melding / Call type gives the kind (Storing → incident, Verzoek/Vraag → request, Wijziging →
/// change, Probleem → problem; unknown types are incidents); Meldingswijze / Entry type gives the channel,
/// and Monitoring marks the ticket proactive.</item>
/// <item>Streefdatum / Target date is the due date; a ticket resolved after it breached its SLA.</item>
/// <item>Tijd besteed / Time spent is minutes ("90") or hours and minutes ("1:30").</item>
/// <item>Datum wijziging / Change date is the watermark; without it, the latest of the known dates.</item>
/// </list>
/// </summary>
public sealed class TopdeskProfile : IImportProfile
{
    public string Name => "topdesk";

    public IRowMapper Bind(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new Mapper(header, Name);
    }

    private sealed class Mapper : IRowMapper
    {
        private readonly Column _number;
        private readonly Column _callDate;
        private readonly Column? _operator;
        private readonly Column? _team;
        private readonly Column? _category;
        private readonly Column? _subcategory;
        private readonly Column? _priority;
        private readonly Column? _closedFlag;
        private readonly Column? _closureDate;
        private readonly Column? _completedFlag;
        private readonly Column? _completionDate;
        private readonly Column? _callType;
        private readonly Column? _title;
        private readonly Column? _target;
        private readonly Column? _entryType;
        private readonly Column? _timeSpent;
        private readonly Column? _changed;

        public Mapper(CsvHeader h, string profile)
        {
            _number = h.Require(profile, "Incidentnummer", "Incident number");
            _callDate = h.Require(profile, "Aanmelddatum", "Call date");
            _operator = h.Find("Behandelaar", "Operator");
            _team = h.Find("Operatorgroep", "Behandelaarsgroep", "Operator group");
            _category = h.Find("Categorie", "Category");
            _subcategory = h.Find("Subcategorie", "Subcategory");
            _priority = h.Find("Prioriteit", "Priority");
            _closedFlag = h.Find("Afgemeld", "Closed");
            _closureDate = h.Find("Datum afgemeld", "Afmelddatum", "Closure date", "Closed date");
            _completedFlag = h.Find("Gereed", "Completed");
            _completionDate = h.Find("Datum gereed", "Gereedmelddatum", "Completion date", "Completed date");
            _callType = h.Find("Soort melding", "Call type");
            _title = h.Find("Korte omschrijving", "Brief description");
            _target = h.Find("Streefdatum", "Target date");
            _entryType = h.Find("Meldingswijze", "Entry type");
            _timeSpent = h.Find("Tijd besteed", "Bestede tijd", "Time spent");
            _changed = h.Find("Datum wijziging", "Gewijzigd", "Wijzigingsdatum", "Change date", "Modified");
            DateColumns = new Column?[] { _callDate, _closureDate, _completionDate, _target, _changed }
                .Where(c => c is not null).Select(c => c!.Value).ToArray();
        }

        public IReadOnlyList<Column> DateColumns { get; }

        public string KeyColumn => _number.Name;

        public IEnumerable<ImportItem> Map(RowReader row)
        {
            var ticket = Parse(row);
            return [ticket is null ? ImportItem.Quarantined(row.Line, row.Problems) : new ImportItem(row.Line) { Ticket = ticket }];
        }

        public IEnumerable<ImportItem> Flush() => [];

        private Ticket? Parse(RowReader row)
        {
            var number = row.RequiredText(_number);
            var team = row.Text(_team);
            var zone = row.Context.ZoneFor(team);
            var opened = row.Instant(_callDate, zone);
            if (opened is null && MissingValues.IsMissing(row.RawOf(_callDate)))
            {
                row.Problem(_callDate, row.RawOf(_callDate), "required value is missing");
            }

            var closedFlag = row.Bool(_closedFlag);
            var closureDate = row.Instant(_closureDate, zone);
            var completedFlag = row.Bool(_completedFlag);
            var completionDate = row.Instant(_completionDate, zone);
            var due = row.Instant(_target, zone);
            var changed = row.Instant(_changed, zone);
            var minutes = TimeSpent(row);
            var channel = ChannelNames.Parse(row.Text(_entryType));

            if (closedFlag == true && closureDate is null && _closureDate is { } closureColumn && MissingValues.IsMissing(row.RawOf(closureColumn)))
            {
                row.Problem(closureColumn, row.RawOf(closureColumn), $"closed ({_closedFlag!.Value.Name} = yes) but no closure date");
            }

            var closed = closedFlag == false ? null : closureDate;
            var completed = completedFlag == false ? null : completionDate;
            if (completedFlag == true && completed is null && closed is null
                && _completionDate is { } completionColumn && MissingValues.IsMissing(row.RawOf(completionColumn)))
            {
                row.Problem(completionColumn, row.RawOf(completionColumn), $"completed ({_completedFlag!.Value.Name} = yes) but no completion date");
            }

            var resolved = completed ?? closed;
            if (opened is { } o && completed is { } r && r < o)
            {
                row.Problem(_completionDate!.Value, row.RawOf(_completionDate), $"resolved ({r:u}) before opened ({o:u})");
            }

            if (opened is { } o2 && closed is { } c && c < o2)
            {
                row.Problem(_closureDate!.Value, row.RawOf(_closureDate), $"closed ({c:u}) before opened ({o2:u})");
            }

            if (row.Problems.Count > 0 || number is null || opened is null)
            {
                return null;
            }

            return new Ticket
            {
                Source = row.Context.Source,
                TicketId = number,
                Kind = KindNames.Parse(row.Text(_callType)) ?? TicketKind.Incident,
                Title = row.Text(_title),
                Category = row.Text(_category),
                Subcategory = row.Text(_subcategory),
                Priority = row.Text(_priority),
                Channel = channel,
                Team = team,
                Assignee = row.Text(_operator),
                OpenedAt = opened.Value,
                ResolvedAt = resolved,
                ClosedAt = closed,
                DueAt = due,
                SlaBreached = resolved is { } done && due is { } target ? done > target : null,
                Proactive = channel == Tickets.Channel.Monitoring,
                TimeSpentMinutes = minutes,
                UpdatedAt = changed ?? Latest(opened.Value, resolved, closed),
            };
        }

        /// <summary>TOPdesk shows time spent as minutes or as hours:minutes, depending on the export's settings.</summary>
        private int? TimeSpent(RowReader row)
        {
            var text = row.Text(_timeSpent);
            if (text is null || _timeSpent is not { } column)
            {
                return null;
            }

            if (!text.Contains(':', StringComparison.Ordinal))
            {
                return row.WholeNumber(column);
            }

            var parts = text.Split(':');
            if (parts.Length == 2
                && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
                && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mins)
                && mins < 60 && hours < int.MaxValue / 60)
            {
                return (hours * 60) + mins;
            }

            row.Problem(column, text, "not a duration in minutes (90) or hours and minutes (1:30)");
            return null;
        }

        private static DateTimeOffset Latest(DateTimeOffset opened, DateTimeOffset? resolved, DateTimeOffset? closed)
        {
            var latest = opened;
            if (resolved > latest)
            {
                latest = resolved.Value;
            }

            if (closed > latest)
            {
                latest = closed.Value;
            }

            return latest;
        }
    }
}
