using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// ServiceNow list exports of incident (and change, problem, request) records, using ServiceNow's field
/// names. Audit-trail exports, one row per update of a record, are folded: rows of the same number that
/// follow each other and all carry a sys_mod_count are one ticket's history, ordered by sys_mod_count, then
/// sys_updated_on, then file order (exports repeat the counter when several updates commit together); the
/// last state wins and status and assignment changes become ticket events. A record that is Canceled (state
/// 8) or no longer active without a closed_at is closed, and resolved if it was not, at its last update:
/// ServiceNow leaves closed_at empty when an incident is canceled, and it must not stay in the backlog.
/// </summary>
public sealed class ServiceNowProfile : IImportProfile
{
    public string Name => "servicenow";

    public IRowMapper Bind(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new Mapper(header, Name);
    }

    private sealed class Mapper : ProfileMapper
    {
        private readonly Column _number;
        private readonly Column _opened;
        private readonly Column? _updated;
        private readonly Column? _updatedBy;
        private readonly Column? _modCount;
        private readonly Column? _title;
        private readonly Column? _category;
        private readonly Column? _subcategory;
        private readonly Column? _priority;
        private readonly Column? _contactType;
        private readonly Column? _team;
        private readonly Column? _assignedTo;
        private readonly Column? _resolvedBy;
        private readonly Column? _resolvedAt;
        private readonly Column? _closedAt;
        private readonly Column? _dueAt;
        private readonly Column? _madeSla;
        private readonly Column? _reopenCount;
        private readonly Column? _reassignmentCount;
        private readonly Column? _state;
        private readonly Column? _active;
        private readonly Column? _problem;
        private readonly Column? _causedBy;
        private readonly Column? _timeWorked;
        private readonly Column? _proactive;
        private readonly Column? _firstResponse;
        private readonly Column? _className;
        private readonly List<SnRow> _group = [];

        public Mapper(CsvHeader h, string profile)
            : base(h, profile)
        {
            _number = Key("number");
            _opened = Date(Optional("opened_at", "sys_created_on", "sys_created_at") ?? Required("opened_at"));
            _updated = OptionalDate("sys_updated_on", "sys_updated_at");
            _updatedBy = Optional("sys_updated_by");
            _modCount = Optional("sys_mod_count");
            _title = Optional("short_description", "description");
            _category = Optional("category");
            _subcategory = Optional("subcategory");
            _priority = Optional("priority");
            _contactType = Optional("contact_type");
            _team = Optional("assignment_group");
            _assignedTo = Optional("assigned_to");
            _resolvedBy = Optional("resolved_by");
            _resolvedAt = OptionalDate("resolved_at");
            _closedAt = OptionalDate("closed_at");
            _dueAt = OptionalDate("due_date", "sla_due");
            _madeSla = Optional("made_sla");
            _reopenCount = Optional("reopen_count");
            _reassignmentCount = Optional("reassignment_count");
            _state = Optional("incident_state", "state");
            _active = Optional("active");
            _problem = Optional("problem_id");
            _causedBy = Optional("caused_by");
            _timeWorked = Optional("time_worked");
            _proactive = Optional("u_proactive", "proactive");
            _firstResponse = OptionalDate("u_first_response", "first_response_at");
            _className = Optional("sys_class_name");
        }

        public override IEnumerable<ImportItem> Map(RowReader row)
        {
            var parsed = Parse(row);
            if (parsed is null || row.Problems.Count > 0)
            {
                yield return ImportItem.Quarantined(row.Line, row.Problems);
                yield break;
            }

            if (_group.Count > 0 && _group[0].Ticket.TicketId != parsed.Ticket.TicketId)
            {
                foreach (var item in Fold())
                {
                    yield return item;
                }
            }

            _group.Add(parsed);
        }

        public override IEnumerable<ImportItem> Flush() => Fold();

        private List<ImportItem> Fold()
        {
            var rows = _group.ToList();
            _group.Clear();
            if (rows.Count == 0)
            {
                return [];
            }

            if (rows.Count == 1)
            {
                return [new ImportItem(rows[0].Line) { Ticket = rows[0].Ticket }];
            }

            if (rows.Any(r => r.Revision is null))
            {
                // Not a history: repeated rows are duplicates; the writer keeps the first and flags conflicts.
                return rows.Select(r => new ImportItem(r.Line) { Ticket = r.Ticket }).ToList();
            }

            return [AuditTrailFold.Fold(rows)];
        }

        private SnRow? Parse(RowReader row)
        {
            var number = row.RequiredText(_number);
            var team = row.Text(_team);
            var zone = row.Context.ZoneFor(team);
            var opened = Required(row, _opened, row.Instant(_opened, zone));
            var updated = row.Instant(_updated, zone);
            var resolved = row.Instant(_resolvedAt, zone);
            var closed = row.Instant(_closedAt, zone);
            var due = row.Instant(_dueAt, zone);
            var firstResponse = row.Instant(_firstResponse, zone);
            var madeSla = row.Bool(_madeSla);
            var reopen = row.WholeNumber(_reopenCount);
            var reassign = row.WholeNumber(_reassignmentCount);
            var revision = row.WholeNumber(_modCount);
            var minutes = TimeWorkedMinutes(row);
            var proactiveFlag = row.Bool(_proactive);
            var channel = ChannelNames.Parse(row.Text(_contactType));
            var title = row.Text(_title);
            var category = row.Text(_category);
            var subcategory = row.Text(_subcategory);
            var priority = row.Text(_priority);
            var assignee = row.Text(_assignedTo);
            var resolvedBy = row.Text(_resolvedBy);
            var state = StateName(row.Text(_state));
            var active = row.Bool(_active);
            var updatedBy = row.Text(_updatedBy);
            var problem = row.Text(_problem);
            var causedBy = row.Text(_causedBy);
            var className = row.Text(_className);

            NotBeforeOpened(row, _resolvedAt, resolved, "resolved", opened);
            NotBeforeOpened(row, _closedAt, closed, "closed", opened);
            if (number is null || opened is null)
            {
                return null;
            }

            if (closed is null && (AuditTrailFold.IsCanceled(state) || active == false))
            {
                closed = updated ?? (resolved > opened ? resolved : opened);
            }

            // Request items and changes have no resolve step: closed is when their work was done (as the API connector reads them).
            resolved ??= closed;

            var ticket = NewTicket(row, number, KindOf(number, className), opened.Value, resolved, closed, updated, channel) with
            {
                Title = title,
                Category = category,
                Subcategory = subcategory,
                Priority = priority,
                Team = team,
                Assignee = assignee,
                ResolvedBy = resolvedBy,
                FirstResponseAt = firstResponse,
                DueAt = due,
                SlaBreached = madeSla is { } made ? !made : null,
                ReopenCount = reopen ?? 0,
                ReassignmentCount = reassign ?? 0,
                Proactive = channel == Tickets.Channel.Monitoring || proactiveFlag == true,
                TimeSpentMinutes = minutes,
                ProblemId = problem,
                CausedByChange = causedBy,
            };
            return new SnRow(row.Line, ticket, revision, state, updatedBy, updated);
        }

        private int? TimeWorkedMinutes(RowReader row)
        {
            var text = row.Text(_timeWorked);
            if (text is null)
            {
                return null;
            }

            // ServiceNow exports durations either as seconds or as "HH:mm:ss" (sometimes "1970-01-01 HH:mm:ss").
            if (long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return (int)Math.Round(seconds / 60.0);
            }

            var clock = text.StartsWith("1970-01-01 ", StringComparison.Ordinal) ? text[11..] : text;
            if (TimeSpan.TryParse(clock, System.Globalization.CultureInfo.InvariantCulture, out var span) && span >= TimeSpan.Zero)
            {
                return (int)Math.Round(span.TotalMinutes);
            }

            row.Problem(_timeWorked!.Value, text, "not a duration (seconds or HH:mm:ss)");
            return null;
        }

        private static TicketKind KindOf(string number, string? className)
        {
            var probe = (className ?? number).ToUpperInvariant();
            return probe switch
            {
                _ when probe.StartsWith("CHG", StringComparison.Ordinal) || probe.Contains("CHANGE", StringComparison.Ordinal) => TicketKind.Change,
                _ when probe.StartsWith("PRB", StringComparison.Ordinal) || probe.Contains("PROBLEM", StringComparison.Ordinal) => TicketKind.Problem,
                _ when probe.StartsWith("RITM", StringComparison.Ordinal) || probe.StartsWith("REQ", StringComparison.Ordinal) || probe.Contains("REQ_ITEM", StringComparison.Ordinal) => TicketKind.Request,
                _ when probe.StartsWith("SCTASK", StringComparison.Ordinal) || probe.StartsWith("TASK", StringComparison.Ordinal) || probe.StartsWith("CTASK", StringComparison.Ordinal) => TicketKind.Task,
                _ => TicketKind.Incident,
            };
        }

        /// <summary>incident_state is exported as its code or its label; events store the label.</summary>
        private static string? StateName(string? state) => state switch
        {
            null => null,
            "1" => "New",
            "2" => "In Progress",
            "3" => "On Hold",
            "6" => "Resolved",
            "7" => "Closed",
            "8" => "Canceled",
            _ => state,
        };
    }
}

/// <summary>One parsed ServiceNow row with the audit fields the fold needs.</summary>
internal sealed record SnRow(long Line, Ticket Ticket, int? Revision, string? State, string? UpdatedBy, DateTimeOffset? UpdatedAt);
