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

    private sealed class Mapper : ProfileMapper
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
            : base(h, profile)
        {
            _key = Key("Issue key");
            _created = RequiredDate("Created");
            _updated = OptionalDate("Updated");
            _resolved = OptionalDate("Resolved");
            _issueType = Optional("Issue Type");
            _summary = Optional("Summary");
            _status = Optional("Status");
            _priority = Optional("Priority");
            _assignee = Optional("Assignee");
            _due = OptionalDate("Due Date");
            _timeSpent = Optional("Time Spent");
            _teamField = Optional("Custom field (Team)", "Team");
            _component = Optional("Component/s", "Components");
            _requestType = Optional("Custom field (Request Type)", "Request Type");
            _channel = Optional("Custom field (Request Channel Type)", "Custom field (Source)", "Request Channel Type");
            _timeToResolution = Optional("Custom field (Time to resolution)", "Time to resolution");
        }

        public override IEnumerable<ImportItem> Map(RowReader row) => One(row, Read(row));

        private ImportItem? Read(RowReader row)
        {
            var key = row.RequiredText(_key);
            var team = row.Text(_teamField) ?? row.Text(_component);
            var zone = row.Context.ZoneFor(team);
            var opened = Required(row, _created, Instant(row, _created, zone));
            var updated = Instant(row, _updated, zone);
            var resolved = Instant(row, _resolved, zone);
            var due = Instant(row, _due, zone);
            var seconds = row.WholeNumber(_timeSpent);
            var status = row.Text(_status);
            var channel = ChannelNames.Parse(row.Text(_channel));
            NotBeforeOpened(row, _resolved, resolved, "resolved", opened);
            if (key is null || opened is null)
            {
                return null;
            }

            var closed = string.Equals(status, "Closed", StringComparison.OrdinalIgnoreCase) ? resolved ?? updated : null;
            var kind = KindNames.Parse(row.Text(_issueType)) ?? TicketKind.Request;
            return Item(row, NewTicket(row, key, kind, opened.Value, resolved, closed, updated, channel) with
            {
                Title = row.Text(_summary),
                Category = row.Text(_requestType),
                Priority = row.Text(_priority),
                Team = team,
                Assignee = row.Text(_assignee),
                DueAt = due,
                SlaBreached = Breached(row.Text(_timeToResolution), resolved is not null),
                TimeSpentMinutes = seconds is { } s ? (int)Math.Round(s / 60.0) : null,
            });
        }

        /// <summary>A date in the file's layout or ISO 8601, else in Jira's own layout; otherwise a problem naming the column.</summary>
        private static DateTimeOffset? Instant(RowReader row, Column? column, TimeZoneInfo zone)
        {
            var text = row.Text(column);
            if (text is null || column is not { } c)
            {
                return null;
            }

            if (FieldParser.TryInstant(text, row.Context.DateFormat, zone, out var utc, out var rangeProblem))
            {
                return utc;
            }

            if (rangeProblem is null
                && DateTime.TryParseExact(text, JiraLayouts, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var local))
            {
                if (LocalTime.TryToUtc(local, zone, out var jira) && FieldParser.OutOfRange(jira) is null)
                {
                    return FieldParser.WholeSeconds(jira);
                }

                rangeProblem = FieldParser.DateOutOfRange;
            }

            row.Problem(c, text, rangeProblem ?? $"not a date in Jira's layout (15/Jan/26 9:05 AM), the file's format ({row.Context.DateFormat.Name}) or ISO 8601");
            return null;
        }

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
    }
}
