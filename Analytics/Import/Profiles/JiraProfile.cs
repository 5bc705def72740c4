using System.Globalization;
using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// Jira Service Management CSV exports ("Export issues: CSV (all fields)"), using Jira's column names.
/// <list type="bullet">
/// <item>Issue key and Created are required; Resolved is the resolution time; a ticket whose Status is
/// "Closed" is closed at Resolved (else at Updated).</item>
/// <item>Issue Type gives the kind ("[System] Incident", "Service request with approvals", "Sub-task", ...);
/// types the product does not know are read as requests, which is what custom JSM issue types are.</item>
/// <item>The team is "Custom field (Team)" when filled, else the first Component/s column; the request type
/// is the category; "Custom field (Request Channel Type)" (or "Custom field (Source)") is the channel.</item>
/// <item>Time Spent is in seconds and stored as minutes.</item>
/// <item>"Custom field (Time to resolution)" gives the SLA outcome: a negative remaining time ("-1h 5m") or a
/// breached cycle is a breach; a non-negative time on a resolved ticket is met; anything else is unknown.</item>
/// <item>Dates are read in the file's layout, ISO 8601, or Jira's own "dd/MMM/yy h:mm AM" (English month
/// names), as wall-clock times in the team's zone.</item>
/// </list>
/// Other columns (Reporter, Labels, other custom fields) carry nothing the canonical ticket holds and are ignored.
/// </summary>
public sealed class JiraProfile : IImportProfile
{
    public string Name => "jira";

    public IRowMapper Bind(CsvHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        return new Mapper(header, Name);
    }

    private sealed class Mapper : IRowMapper
    {
        /// <summary>Jira's default date-time and date layouts ("15/Jan/26 9:05 AM", "20/Jan/26").</summary>
        private static readonly string[] JiraLayouts =
        [
            "d/MMM/yy h:mm tt", "d/MMM/yy H:mm", "d/MMM/yyyy h:mm tt", "d/MMM/yyyy H:mm",
            "d/MMM/yy h:mm:ss tt", "d/MMM/yy", "d/MMM/yyyy",
        ];

        private readonly Column _key;
        private readonly Column _created;
        private readonly Column? _updated;
        private readonly Column? _resolved;
        private readonly Column? _issueType;
        private readonly Column? _summary;
        private readonly Column? _status;
        private readonly Column? _priority;
        private readonly Column? _assignee;
        private readonly Column? _due;
        private readonly Column? _timeSpent;
        private readonly Column? _teamField;
        private readonly Column? _component;
        private readonly Column? _requestType;
        private readonly Column? _channel;
        private readonly Column? _timeToResolution;

        public Mapper(CsvHeader h, string profile)
        {
            _key = h.Require(profile, "Issue key");
            _created = h.Require(profile, "Created");
            _updated = h.Find("Updated");
            _resolved = h.Find("Resolved");
            _issueType = h.Find("Issue Type");
            _summary = h.Find("Summary");
            _status = h.Find("Status");
            _priority = h.Find("Priority");
            _assignee = h.Find("Assignee");
            _due = h.Find("Due Date");
            _timeSpent = h.Find("Time Spent");
            _teamField = h.Find("Custom field (Team)", "Team");
            _component = h.Find("Component/s", "Components");
            _requestType = h.Find("Custom field (Request Type)", "Request Type");
            _channel = h.Find("Custom field (Request Channel Type)", "Custom field (Source)", "Request Channel Type");
            _timeToResolution = h.Find("Custom field (Time to resolution)", "Time to resolution");
            DateColumns = new Column?[] { _created, _updated, _resolved, _due }
                .Where(c => c is not null).Select(c => c!.Value).ToArray();
        }

        public IReadOnlyList<Column> DateColumns { get; }

        public string KeyColumn => _key.Name;

        public IEnumerable<ImportItem> Map(RowReader row)
        {
            var ticket = Parse(row);
            return [ticket is null ? ImportItem.Quarantined(row.Line, row.Problems) : new ImportItem(row.Line) { Ticket = ticket }];
        }

        public IEnumerable<ImportItem> Flush() => [];

        private Ticket? Parse(RowReader row)
        {
            var key = row.RequiredText(_key);
            var team = row.Text(_teamField) ?? row.Text(_component);
            var zone = row.Context.ZoneFor(team);
            var opened = Instant(row, _created, zone);
            if (opened is null && MissingValues.IsMissing(row.RawOf(_created)))
            {
                row.Problem(_created, row.RawOf(_created), "required value is missing");
            }

            var updated = Instant(row, _updated, zone);
            var resolved = Instant(row, _resolved, zone);
            var due = Instant(row, _due, zone);
            var seconds = row.WholeNumber(_timeSpent);
            var status = row.Text(_status);
            var channel = ChannelNames.Parse(row.Text(_channel));

            if (opened is { } o && resolved is { } r && r < o)
            {
                row.Problem(_resolved!.Value, row.RawOf(_resolved), $"resolved ({r:u}) before opened ({o:u})");
            }

            if (row.Problems.Count > 0 || key is null || opened is null)
            {
                return null;
            }

            var closed = string.Equals(status, "Closed", StringComparison.OrdinalIgnoreCase) ? resolved ?? updated : null;
            return new Ticket
            {
                Source = row.Context.Source,
                TicketId = key,
                Kind = KindNames.Parse(row.Text(_issueType)) ?? TicketKind.Request,
                Title = row.Text(_summary),
                Category = row.Text(_requestType),
                Priority = row.Text(_priority),
                Channel = channel,
                Team = team,
                Assignee = row.Text(_assignee),
                OpenedAt = opened.Value,
                ResolvedAt = resolved,
                ClosedAt = closed,
                DueAt = due,
                SlaBreached = Breached(row.Text(_timeToResolution), resolved is not null),
                Proactive = channel == Tickets.Channel.Monitoring,
                TimeSpentMinutes = seconds is { } s ? (int)Math.Round(s / 60.0) : null,
                UpdatedAt = updated ?? Latest(opened.Value, resolved, closed),
            };
        }

        /// <summary>A date in the file's layout or ISO 8601, else in Jira's own layout; otherwise a problem naming the column.</summary>
        private static DateTimeOffset? Instant(RowReader row, Column? column, TimeZoneInfo zone)
        {
            var text = row.Text(column);
            if (text is null || column is not { } c)
            {
                return null;
            }

            if (row.Context.DateFormat.TryParse(text, zone, out var utc))
            {
                return WholeSeconds(utc);
            }

            if (DateTime.TryParseExact(text, JiraLayouts, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                return WholeSeconds(LocalTime.ToUtc(local, zone));
            }

            row.Problem(c, text, $"not a date in Jira's layout (15/Jan/26 9:05 AM), the file's format ({row.Context.DateFormat.Name}) or ISO 8601");
            return null;
        }

        private static DateTimeOffset WholeSeconds(DateTimeOffset utc) =>
            new(utc.UtcTicks - (utc.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        /// <summary>
        /// Jira exports an SLA as the time left ("2h 30m", "-1h 5m" once breached) or, from some versions, as
        /// its raw cycles ("{completedCycles=[{breached=true, ...}]}").
        /// </summary>
        private static bool? Breached(string? sla, bool resolved)
        {
            if (sla is null)
            {
                return null;
            }

            if (sla.Contains("breached=true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (sla.Contains("breached=false", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            if (sla.Length > 1 && sla[0] == '-' && char.IsAsciiDigit(sla[1]))
            {
                return true;
            }

            return char.IsAsciiDigit(sla[0]) && resolved ? false : null;
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
