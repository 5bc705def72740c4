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

    private sealed class Mapper : IRowMapper
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
        {
            _id = h.Require(profile, "Id");
            _created = h.Require(profile, "Created at");
            _updated = h.Find("Updated at");
            _solved = h.Find("Solved at");
            _subject = h.Find("Subject");
            _assignee = h.Find("Assignee");
            _group = h.Find("Group");
            _priority = h.Find("Priority");
            _status = h.Find("Status");
            _type = h.Find("Type", "Ticket type");
            _via = h.Find("Via", "Channel");
            _due = h.Find("Due date");
            _reopens = h.Find("Reopens");
            _groupStations = h.Find("Group stations");
            _firstReplyMinutes = h.Find("First reply time in minutes");
            _satisfaction = h.Find("Satisfaction Score", "Satisfaction");
            _satisfactionComment = h.Find("Satisfaction Comment");
            DateColumns = new Column?[] { _created, _updated, _solved, _due }
                .Where(c => c is not null).Select(c => c!.Value).ToArray();
        }

        public IReadOnlyList<Column> DateColumns { get; }

        public string KeyColumn => _id.Name;

        public IEnumerable<ImportItem> Map(RowReader row)
        {
            var item = Parse(row);
            return [item ?? ImportItem.Quarantined(row.Line, row.Problems)];
        }

        public IEnumerable<ImportItem> Flush() => [];

        private ImportItem? Parse(RowReader row)
        {
            var id = row.RequiredText(_id);
            var team = row.Text(_group);
            var zone = row.Context.ZoneFor(team);
            var opened = row.Instant(_created, zone);
            if (opened is null && MissingValues.IsMissing(row.RawOf(_created)))
            {
                row.Problem(_created, row.RawOf(_created), "required value is missing");
            }

            var updated = row.Instant(_updated, zone);
            var solved = row.Instant(_solved, zone);
            var due = row.Instant(_due, zone);
            var reopens = row.WholeNumber(_reopens);
            var stations = row.WholeNumber(_groupStations);
            var firstReply = row.WholeNumber(_firstReplyMinutes);
            var score = Score(row);
            var status = row.Text(_status)?.ToLowerInvariant();
            var channel = ChannelNames.Parse(row.Text(_via));

            if (opened is { } o && solved is { } s && s < o)
            {
                row.Problem(_solved!.Value, row.RawOf(_solved), $"resolved ({s:u}) before opened ({o:u})");
            }

            if (row.Problems.Count > 0 || id is null || opened is null)
            {
                return null;
            }

            var isOpen = status is "new" or "open" or "pending" or "hold" or "on-hold";
            var resolved = isOpen ? null : solved;
            var closed = status == "closed" ? updated ?? solved : null;
            var ticket = new Ticket
            {
                Source = row.Context.Source,
                TicketId = id,
                Kind = TypeOf(row.Text(_type)),
                Title = row.Text(_subject),
                Priority = row.Text(_priority),
                Channel = channel,
                Team = team,
                Assignee = row.Text(_assignee),
                OpenedAt = opened.Value,
                FirstResponseAt = firstReply is { } minutes ? opened.Value.AddMinutes(minutes) : null,
                ResolvedAt = resolved,
                ClosedAt = closed,
                DueAt = due,
                ReopenCount = reopens ?? 0,
                ReassignmentCount = Math.Max(0, (stations ?? 0) - 1),
                Proactive = channel == Tickets.Channel.Monitoring,
                UpdatedAt = updated ?? Latest(opened.Value, resolved, closed),
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
