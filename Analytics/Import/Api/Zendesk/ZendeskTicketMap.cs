using System.Globalization;
using System.Text.Json;
using Analytics.Import.Profiles;
using Analytics.Tickets;

namespace Analytics.Import.Api.Zendesk;

/// <summary>
/// Maps a Zendesk ticket (with its metric set and its changes) onto the canonical ticket the way the Zendesk
/// CSV profile does (<see cref="ZendeskProfile"/>): type question → request, incident, problem, task (none →
/// incident); via.channel through <see cref="ChannelNames"/>; the group is the team, the assignee the agent;
/// solved_at (metric set, else the last change to solved) is resolved_at while the ticket is solved or closed;
/// a closed ticket is closed at updated_at (Zendesk changes nothing after closing); reopens and group stations
/// - 1 are the reopen and reassignment counts; reply_time_in_minutes gives the first response.
/// </summary>
internal static class ZendeskTicketMap
{
    /// <summary>What one ticket record became: a ticket, a problem, or nothing (a deleted ticket).</summary>
    public readonly record struct Outcome(long? Id, ApiTicket? Ticket, ApiRecordProblem? Problem);

    public static Outcome Map(JsonElement ticket, JsonElement? metrics, ZendeskChangeLog changes, ZendeskDirectory directory, string source)
    {
        if (ZendeskJson.Field(ticket, "id") is not { } idValue || !ZendeskJson.TryId(idValue, out var id))
        {
            return new Outcome(null, null, new ApiRecordProblem(ZendeskJson.Text(ticket, "url") ?? "(no id)", "id", ZendeskJson.Text(ticket, "id"), "not a ticket id"));
        }

        var key = id.ToString(CultureInfo.InvariantCulture);
        var status = ZendeskJson.Text(ticket, "status")?.ToLowerInvariant();
        var history = changes.Take(id);
        if (status == "deleted")
        {
            return new Outcome(id, null, null);
        }

        if (!ZendeskJson.TryInstant(ticket, "created_at", out var created) || created is not { } opened)
        {
            return Problem(id, key, ticket, "created_at", "not an ISO 8601 time");
        }

        if (!ZendeskJson.TryInstant(ticket, "updated_at", out var updatedAt) || updatedAt is not { } updated)
        {
            return Problem(id, key, ticket, "updated_at", "not an ISO 8601 time");
        }

        if (!ZendeskJson.TryInstant(ticket, "due_at", out var due))
        {
            return Problem(id, key, ticket, "due_at", "not an ISO 8601 time");
        }

        if (!ZendeskJson.TryOptionalId(ticket, "group_id", out var groupId))
        {
            return Problem(id, key, ticket, "group_id", "not a group id");
        }

        if (!ZendeskJson.TryOptionalId(ticket, "assignee_id", out var assigneeId))
        {
            return Problem(id, key, ticket, "assignee_id", "not a user id");
        }

        DateTimeOffset? solvedAt = null;
        if (metrics is { } m && !ZendeskJson.TryInstant(m, "solved_at", out solvedAt))
        {
            return Problem(id, key, ticket, "metric_set.solved_at", "not an ISO 8601 time", ZendeskJson.Text(m, "solved_at"));
        }

        if (solvedAt is null)
        {
            // No metric set (show_many without the sideload): the last change to solved the export gave.
            foreach (var change in history)
            {
                if (change.Kind == TicketEventKind.Status && change.To == "solved")
                {
                    solvedAt = change.At;
                }
            }
        }

        var isOpen = status is "new" or "open" or "pending" or "hold";
        var type = ZendeskJson.Text(ticket, "type");
        var channel = ZendeskJson.Field(ticket, "via") is { } via ? ChannelNames.Parse(ZendeskJson.Text(via, "channel")) : null;
        var replyMinutes = metrics is { } ms && ZendeskJson.Field(ms, "reply_time_in_minutes") is { } reply ? ZendeskJson.WholeNumber(reply, "calendar") : null;
        var stations = metrics is { } mg ? ZendeskJson.WholeNumber(mg, "group_stations") : null;

        var canonical = new Ticket
        {
            Source = source,
            TicketId = key,
            Kind = type is null ? TicketKind.Incident : KindNames.Parse(type) ?? TicketKind.Incident,
            Title = ZendeskJson.Text(ticket, "subject") ?? ZendeskJson.Text(ticket, "raw_subject"),
            Priority = ZendeskJson.Text(ticket, "priority"),
            Channel = channel,
            Team = directory.GroupName(groupId),
            Assignee = directory.AgentName(assigneeId),
            OpenedAt = opened,
            FirstResponseAt = replyMinutes is { } minutes ? opened.AddMinutes(minutes) : null,
            ResolvedAt = isOpen ? null : solvedAt,
            ClosedAt = status == "closed" ? updated : null,
            DueAt = due,
            ReopenCount = metrics is { } mr ? ZendeskJson.WholeNumber(mr, "reopens") ?? 0 : 0,
            ReassignmentCount = Math.Max(0, (stations ?? 0) - 1),
            ProblemId = ZendeskJson.Text(ticket, "problem_id"),
            UpdatedAt = updated,
        };

        return new Outcome(id, new ApiTicket(canonical, Events(key, history, directory, source)), null);
    }

    /// <summary>A ticket's changes as canonical events, named and numbered.</summary>
    public static List<TicketEvent> Events(string key, IReadOnlyList<ZendeskChange> history, ZendeskDirectory directory, string source)
    {
        var events = new List<TicketEvent>(history.Count);
        foreach (var change in history)
        {
            events.Add(new TicketEvent
            {
                Source = source,
                TicketId = key,
                OccurredAt = change.At,
                Kind = change.Kind,
                FromValue = Name(change.Kind, change.From, directory),
                ToValue = Name(change.Kind, change.To, directory),
                Actor = directory.ActorName(change.Updater),
            });
        }

        EventSequence.Number(events);
        return events;
    }

    /// <summary>Statuses stay Zendesk's words; assignee and group ids become the names tickets carry.</summary>
    private static string? Name(TicketEventKind kind, string? value, ZendeskDirectory directory)
    {
        if (value is null || kind == TicketEventKind.Status)
        {
            return value;
        }

        if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id))
        {
            return value;
        }

        return kind == TicketEventKind.Assignment ? directory.AgentName(id) : directory.GroupName(id);
    }

    private static Outcome Problem(long id, string key, JsonElement ticket, string field, string reason, string? raw = null)
    {
        DateTimeOffset? updated = ZendeskJson.TryInstant(ticket, "updated_at", out var u) ? u : null;
        return new Outcome(id, null, new ApiRecordProblem(key, field, raw ?? ZendeskJson.Text(ticket, field), reason, updated));
    }
}
