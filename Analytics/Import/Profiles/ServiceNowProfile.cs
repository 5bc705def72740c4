using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// ServiceNow list exports of incident (and change, problem, request) records, using ServiceNow's field
/// names. Audit-trail exports, one row per update of a record, are folded: rows of the same number that
/// follow each other and carry distinct sys_mod_count values are one ticket's history; the last state
/// wins and status and assignment changes become ticket events.
/// </summary>
public sealed class ServiceNowProfile : IImportProfile
{
    public string Name => "servicenow";

    public IRowMapper Bind(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new Mapper(header, Name);
    }

    private sealed class Mapper : IRowMapper
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
        private readonly Column? _problem;
        private readonly Column? _causedBy;
        private readonly Column? _timeWorked;
        private readonly Column? _proactive;
        private readonly Column? _firstResponse;
        private readonly Column? _className;
        private readonly List<SnRow> _group = [];

        public Mapper(CsvHeader h, string profile)
        {
            _number = h.Require(profile, "number");
            _opened = h.Find("opened_at", "sys_created_on", "sys_created_at") ?? h.Require(profile, "opened_at");
            _updated = h.Find("sys_updated_on", "sys_updated_at");
            _updatedBy = h.Find("sys_updated_by");
            _modCount = h.Find("sys_mod_count");
            _title = h.Find("short_description", "description");
            _category = h.Find("category");
            _subcategory = h.Find("subcategory");
            _priority = h.Find("priority");
            _contactType = h.Find("contact_type");
            _team = h.Find("assignment_group");
            _assignedTo = h.Find("assigned_to");
            _resolvedBy = h.Find("resolved_by");
            _resolvedAt = h.Find("resolved_at");
            _closedAt = h.Find("closed_at");
            _dueAt = h.Find("due_date", "sla_due");
            _madeSla = h.Find("made_sla");
            _reopenCount = h.Find("reopen_count");
            _reassignmentCount = h.Find("reassignment_count");
            _state = h.Find("incident_state", "state");
            _problem = h.Find("problem_id");
            _causedBy = h.Find("caused_by");
            _timeWorked = h.Find("time_worked");
            _proactive = h.Find("u_proactive", "proactive");
            _firstResponse = h.Find("u_first_response", "first_response_at");
            _className = h.Find("sys_class_name");
            DateColumns = new Column?[] { _opened, _updated, _resolvedAt, _closedAt, _dueAt, _firstResponse }
                .Where(c => c is not null).Select(c => c!.Value).ToArray();
        }

        public IReadOnlyList<Column> DateColumns { get; }

        public string KeyColumn => _number.Name;

        public IEnumerable<ImportItem> Map(RowReader row)
        {
            var parsed = Parse(row);
            if (parsed is null)
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

        public IEnumerable<ImportItem> Flush() => Fold();

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

            var revisions = rows.Select(r => r.Revision).ToList();
            var isAuditTrail = revisions.All(r => r is not null) && revisions.Distinct().Count() == rows.Count;
            if (!isAuditTrail)
            {
                // Not a history: repeated rows are duplicates; the writer keeps the first and flags conflicts.
                return rows.Select(r => new ImportItem(r.Line) { Ticket = r.Ticket }).ToList();
            }

            return [AuditTrailFold.Fold(rows.OrderBy(r => r.Revision).ToList())];
        }

        private SnRow? Parse(RowReader row)
        {
            var number = row.RequiredText(_number);
            var team = row.Text(_team);
            var zone = row.Context.ZoneFor(team);
            var opened = row.Instant(_opened, zone);
            if (opened is null && row.Problems.Count == 0)
            {
                row.Problem(_opened, row.RawOf(_opened), "required value is missing");
            }

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
            var updatedBy = row.Text(_updatedBy);
            var problem = row.Text(_problem);
            var causedBy = row.Text(_causedBy);
            var className = row.Text(_className);

            if (opened is { } o && resolved is { } r && r < o)
            {
                row.Problem(_resolvedAt!.Value, row.RawOf(_resolvedAt), $"resolved ({r:u}) before opened ({o:u})");
            }

            if (opened is { } o2 && closed is { } c && c < o2)
            {
                row.Problem(_closedAt!.Value, row.RawOf(_closedAt), $"closed ({c:u}) before opened ({o2:u})");
            }

            if (row.Problems.Count > 0 || number is null || opened is null)
            {
                return null;
            }

            var ticket = new Ticket
            {
                Source = row.Context.Source,
                TicketId = number,
                Kind = KindOf(number, className),
                Title = title,
                Category = category,
                Subcategory = subcategory,
                Priority = priority,
                Channel = channel,
                Team = team,
                Assignee = assignee,
                ResolvedBy = resolvedBy,
                OpenedAt = opened.Value,
                FirstResponseAt = firstResponse,
                ResolvedAt = resolved,
                ClosedAt = closed,
                DueAt = due,
                SlaBreached = madeSla is { } made ? !made : null,
                ReopenCount = reopen ?? 0,
                ReassignmentCount = reassign ?? 0,
                Proactive = channel == Tickets.Channel.Monitoring || proactiveFlag == true,
                TimeSpentMinutes = minutes,
                ProblemId = problem,
                CausedByChange = causedBy,
                UpdatedAt = updated ?? Latest(opened.Value, resolved, closed),
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
