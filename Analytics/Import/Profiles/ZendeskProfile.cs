using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// Zendesk Support ticket exports (Admin Center › Reports › Export, CSV), using Zendesk's column names.
/// <list type="bullet">
/// <item>Id and Created at are required. Solved at is resolved_at while the ticket is solved or closed (a
/// reopened ticket keeps its old Solved at in the export, but is open); a closed ticket is closed at
/// Updated at, since Zendesk changes nothing on a ticket after closing it.</item>
/// <item>Type (or Ticket type): question → request, incident, problem, task; empty → incident.</item>
/// <item>Via (or Channel) gives the channel (web, email, voice, chat, api, mobile, ...); Group is the team.</item>
/// <item>Reopens is reopen_count; Group stations counts the groups that held the ticket, so reassignments are
/// stations - 1 (never negative). First reply time in minutes gives first_response_at.</item>
/// <item>Satisfaction Score Good/Bad becomes a <see cref="Feedback"/> of 5/1, with Satisfaction Comment, given at
/// Solved at (else Updated at); Offered and Unoffered mean no rating.</item>
/// </list>
/// </summary>
public sealed class ZendeskProfile : IImportProfile
{
    public string Name => "zendesk";

    public IRowMapper Bind(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new Mapper(header, Name);
    }

    private sealed class Mapper : ProfileMapper
    {
        private readonly Column _id;
        private readonly Column _created;
        private readonly Column? _updated;
        private readonly Column? _solved;
        private readonly Column? _subject;
        private readonly Column? _assignee;
        private readonly Column? _group;
        private readonly Column? _priority;
        private readonly Column? _status;
        private readonly Column? _type;
        private readonly Column? _via;
        private readonly Column? _due;
        private readonly Column? _reopens;
        private readonly Column? _groupStations;
        private readonly Column? _firstReplyMinutes;
        private readonly Column? _satisfaction;
        private readonly Column? _satisfactionComment;

        public Mapper(CsvHeader h, string profile)
            : base(h, profile)
        {
            _id = Key("Id");
            _created = RequiredDate("Created at");
            _updated = OptionalDate("Updated at");
            _solved = OptionalDate("Solved at");
            _subject = Optional("Subject");
            _assignee = Optional("Assignee");
            _group = Optional("Group");
            _priority = Optional("Priority");
            _status = Optional("Status");
            _type = Optional("Type", "Ticket type");
            _via = Optional("Via", "Channel");
            _due = OptionalDate("Due date");
            _reopens = Optional("Reopens");
            _groupStations = Optional("Group stations");
            _firstReplyMinutes = Optional("First reply time in minutes");
            _satisfaction = Optional("Satisfaction Score", "Satisfaction");
            _satisfactionComment = Optional("Satisfaction Comment");
        }

        public override IEnumerable<ImportItem> Map(RowReader row) => One(row, Read(row));

        private ImportItem? Read(RowReader row)
        {
            var id = row.RequiredText(_id);
            var team = row.Text(_group);
            var zone = row.Context.ZoneFor(team);
            var opened = Required(row, _created, row.Instant(_created, zone));
            var updated = row.Instant(_updated, zone);
            var solved = row.Instant(_solved, zone);
            var due = row.Instant(_due, zone);
            var reopens = row.WholeNumber(_reopens);
            var stations = row.WholeNumber(_groupStations);
            var firstReply = row.WholeNumber(_firstReplyMinutes);
            var score = Score(row);
            var status = row.Text(_status)?.ToLowerInvariant();
            var channel = ChannelNames.Parse(row.Text(_via));
            NotBeforeOpened(row, _solved, solved, "resolved", opened);
            if (id is null || opened is null)
            {
                return null;
            }

            var isOpen = status is "new" or "open" or "pending" or "hold" or "on-hold";
            var resolved = isOpen ? null : solved;
            var closed = status == "closed" ? updated ?? solved : null;
            var ticket = NewTicket(row, id, TypeOf(row.Text(_type)), opened.Value, resolved, closed, updated, channel) with
            {
                Title = row.Text(_subject),
                Priority = row.Text(_priority),
                Team = team,
                Assignee = row.Text(_assignee),
                FirstResponseAt = firstReply is { } minutes ? opened.Value.AddMinutes(minutes) : null,
                DueAt = due,
                ReopenCount = reopens ?? 0,
                ReassignmentCount = Math.Max(0, (stations ?? 0) - 1),
            };

            Feedback[] feedback = score is { } rating
                ? [new Feedback
                {
                    Source = ticket.Source,
                    TicketId = ticket.TicketId,
                    GivenAt = solved ?? ticket.UpdatedAt,
                    Score = rating,
                    Comment = row.Text(_satisfactionComment),
                }]
                : [];
            return new ImportItem(row.Line) { Ticket = ticket, Feedback = feedback };
        }

        /// <summary>Zendesk's two-point rating on the product's 1-5 scale; null when none was given.</summary>
        private int? Score(RowReader row)
        {
            var text = row.Text(_satisfaction);
            if (text is null || _satisfaction is not { } column)
            {
                return null;
            }

            switch (text.ToLowerInvariant())
            {
                case "good":
                    return 5;
                case "bad":
                    return 1;
                case "offered" or "unoffered":
                    return null;
                default:
                    row.Problem(column, text, "not a satisfaction rating (Good, Bad, Offered, Unoffered)");
                    return null;
            }
        }

        private static TicketKind TypeOf(string? type) =>
            type is null ? TicketKind.Incident : KindNames.Parse(type) ?? TicketKind.Incident;
    }
}
