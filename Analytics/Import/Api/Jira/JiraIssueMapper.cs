using System.Text.Json;
using Analytics.Import.Profiles;
using Analytics.Tickets;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// One Jira Service Management issue (a search result with its changelog) as a canonical ticket, in the
/// vocabulary of the Jira CSV profile: the issue type gives the kind (unknown types are requests, as custom
/// JSM types are), the request type is the category, the Team field (else the first component) is the team,
/// the resolution date is the resolution and status "Closed" closes it. The changelog gives the events.
/// </summary>
internal static class JiraIssueMapper
{
    /// <summary>The mapped ticket, or why it could not be; <c>Updated</c> is the issue's update time when readable.</summary>
    public readonly record struct Result(ApiTicket? Ticket, ApiRecordProblem? Problem, DateTimeOffset? Updated);

    public static Result Map(JsonElement issue, IEnumerable<JsonElement> histories, JiraFields custom, string source, TimeZoneInfo zone)
    {
        var key = JiraJson.Text(issue, "key");
        if (key is null)
        {
            var id = JiraJson.Text(issue, "id");
            return Problem(id is null ? "(no key)" : "id " + id, "key", null, "the issue has no key", null);
        }

        if (JiraJson.Property(issue, "fields") is not { ValueKind: JsonValueKind.Object } f)
        {
            return Problem(key, "fields", null, "the issue has no fields object", null);
        }

        DateTimeOffset? updated = JiraTime.TryInstant(JiraJson.Text(f, "updated"), out var u) ? u : null;
        if (updated is null)
        {
            return Problem(key, "fields.updated", RawOf(f, "updated"), "not a Jira date-time (2026-01-15T09:05:12.345+0100)", null);
        }

        if (!JiraTime.TryInstant(JiraJson.Text(f, "created"), out var opened))
        {
            return Problem(key, "fields.created", RawOf(f, "created"), "not a Jira date-time (2026-01-15T09:05:12.345+0100)", updated);
        }

        DateTimeOffset? resolved = null;
        if (JiraJson.Text(f, "resolutiondate") is { } resolutionText)
        {
            if (!JiraTime.TryInstant(resolutionText, out var r))
            {
                return Problem(key, "fields.resolutiondate", resolutionText, "not a Jira date-time (2026-01-15T09:05:12.345+0100)", updated);
            }

            resolved = r;
        }

        DateTimeOffset? due = null;
        if (JiraJson.Text(f, "duedate") is { } dueText)
        {
            if (!JiraTime.TryDate(dueText, zone, out var d))
            {
                return Problem(key, "fields.duedate", dueText, "not a Jira date (2026-01-20)", updated);
            }

            due = d;
        }

        var read = JiraChangelog.Read(histories, out var historyProblem);
        if (read is null)
        {
            var p = historyProblem!.Value;
            return Problem(key, p.Field, p.Raw, p.Reason, updated);
        }

        var folded = JiraChangelog.Fold(source, key, read, custom.TeamChangeField);
        var status = JiraJson.Property(f, "status");
        var statusName = status is { } s ? JiraJson.Text(s, "name") : null;
        var done = status is { } st && JiraJson.Property(st, "statusCategory") is { } category
            && string.Equals(JiraJson.Text(category, "key"), "done", StringComparison.OrdinalIgnoreCase);

        // A workflow that never sets a resolution still ends in a done status: resolved when it got there.
        if (resolved is null && done)
        {
            resolved = folded.Events.LastOrDefault(e => e.Kind == TicketEventKind.Status)?.OccurredAt ?? updated;
        }

        var closed = string.Equals(statusName, "Closed", StringComparison.OrdinalIgnoreCase) ? resolved ?? updated : null;
        var issueType = JiraJson.Property(f, "issuetype");
        var kind = KindNames.Parse(JiraJson.Name(issueType))
            ?? (issueType is { } it && JiraJson.Flag(it, "subtask") == true ? TicketKind.Task : TicketKind.Request);
        var timeToResolution = custom.TimeToResolution is { } ttr ? JiraJson.Property(f, ttr) : null;
        var seconds = JiraJson.Whole(f, "timespent");

        var ticket = new Ticket
        {
            Source = source,
            TicketId = key,
            Kind = kind,
            Title = JiraJson.Text(f, "summary"),
            Category = custom.RequestType is { } rt ? RequestTypeName(JiraJson.Property(f, rt)) : null,
            Priority = JiraJson.Name(JiraJson.Property(f, "priority")),
            Channel = custom.Channel is { } ch ? ChannelNames.Parse(JiraJson.Name(JiraJson.Property(f, ch))) : null,
            Team = Team(f, custom),
            Assignee = JiraJson.Name(JiraJson.Property(f, "assignee")),
            ResolvedBy = resolved is null ? null : folded.ResolvedBy,
            OpenedAt = opened,
            FirstResponseAt = FirstResponse(f, custom, folded.Events),
            ResolvedAt = resolved,
            ClosedAt = closed,
            DueAt = due ?? JiraSla.Target(timeToResolution),
            SlaBreached = JiraSla.Breached(timeToResolution),
            ReopenCount = folded.Reopens,
            ReassignmentCount = folded.TeamChanges,
            TimeSpentMinutes = seconds is { } sec ? (int)Math.Round(sec / 60.0) : null,
            UpdatedAt = updated.Value,
        };
        return new Result(new ApiTicket(ticket, folded.Events), null, updated);
    }

    /// <summary>The Team field's team, or the group picked, or else the first component.</summary>
    private static string? Team(JsonElement fields, JiraFields custom)
    {
        if (custom.Team is { } team)
        {
            return JiraJson.Name(JiraJson.Property(fields, team));
        }

        return JiraJson.Items(fields, "components").Select(c => JiraJson.Name(c)).FirstOrDefault(n => n is not null);
    }

    /// <summary>JSM's request type value: {"requestType": {"name": "Get IT help", ...}, "currentStatus": ...}.</summary>
    private static string? RequestTypeName(JsonElement? value) =>
        value is { } v && JiraJson.Property(v, "requestType") is { } requestType ? JiraJson.Text(requestType, "name") : null;

    /// <summary>The first response: when the "Time to first response" SLA stopped, else the first assignment or status change.</summary>
    private static DateTimeOffset? FirstResponse(JsonElement fields, JiraFields custom, List<TicketEvent> events) =>
        JiraSla.FirstStop(custom.TimeToFirstResponse is { } id ? JiraJson.Property(fields, id) : null)
        ?? events.Where(e => e.Kind is TicketEventKind.Assignment or TicketEventKind.Status).Select(e => (DateTimeOffset?)e.OccurredAt).FirstOrDefault();

    private static string? RawOf(JsonElement fields, string name) => JiraJson.Property(fields, name) is { } v ? JiraJson.Raw(v) : null;

    private static Result Problem(string key, string field, string? raw, string reason, DateTimeOffset? updated) =>
        new(null, new ApiRecordProblem(key, field, raw, reason, updated), updated);
}
