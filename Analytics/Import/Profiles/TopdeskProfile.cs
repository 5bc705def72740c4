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

    private sealed class Mapper : ProfileMapper
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
            : base(h, profile)
        {
            _number = Key("Incidentnummer", "Incident number");
            _callDate = RequiredDate("Aanmelddatum", "Call date");
            _operator = Optional("Behandelaar", "Operator");
            _team = Optional("Operatorgroep", "Behandelaarsgroep", "Operator group");
            _category = Optional("Categorie", "Category");
            _subcategory = Optional("Subcategorie", "Subcategory");
            _priority = Optional("Prioriteit", "Priority");
            _closedFlag = Optional("Afgemeld", "Closed");
            _closureDate = OptionalDate("Datum afgemeld", "Afmelddatum", "Closure date", "Closed date");
            _completedFlag = Optional("Gereed", "Completed");
            _completionDate = OptionalDate("Datum gereed", "Gereedmelddatum", "Completion date", "Completed date");
            _callType = Optional("Soort melding", "Call type");
            _title = Optional("Korte omschrijving", "Brief description");
            _target = OptionalDate("Streefdatum", "Target date");
            _entryType = Optional("Meldingswijze", "Entry type");
            _timeSpent = Optional("Tijd besteed", "Bestede tijd", "Time spent");
            _changed = OptionalDate("Datum wijziging", "Gewijzigd", "Wijzigingsdatum", "Change date", "Modified");
        }

        public override IEnumerable<ImportItem> Map(RowReader row) => One(row, Read(row));

        private ImportItem? Read(RowReader row)
        {
            var number = row.RequiredText(_number);
            var team = row.Text(_team);
            var zone = row.Context.ZoneFor(team);
            var opened = Required(row, _callDate, row.Instant(_callDate, zone));
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
            NotBeforeOpened(row, _completionDate, completed, "resolved", opened);
            NotBeforeOpened(row, _closureDate, closed, "closed", opened);
            if (number is null || opened is null)
            {
                return null;
            }

            var kind = KindNames.Parse(row.Text(_callType)) ?? TicketKind.Incident;
            return Item(row, NewTicket(row, number, kind, opened.Value, resolved, closed, changed, channel) with
            {
                Title = row.Text(_title),
                Category = row.Text(_category),
                Subcategory = row.Text(_subcategory),
                Priority = row.Text(_priority),
                Team = team,
                Assignee = row.Text(_operator),
                DueAt = due,
                SlaBreached = resolved is { } done && due is { } target ? done > target : null,
                TimeSpentMinutes = minutes,
            });
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
    }
}
