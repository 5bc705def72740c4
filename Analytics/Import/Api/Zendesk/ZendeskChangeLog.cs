using System.Globalization;
using System.Text.Json;
using Analytics.Import.Sources;
using Analytics.Tickets;

namespace Analytics.Import.Api.Zendesk;

/// <summary>One status, assignee or group change of a ticket, as the ticket event export gives it (ids not yet named).</summary>
internal readonly record struct ZendeskChange(long AuditId, int Position, DateTimeOffset At, TicketEventKind Kind, string? From, string? To, long? Updater);

/// <summary>
/// The status, assignee and group changes of every ticket updated since a time, read from the incremental
/// ticket event export (GET /api/v2/incremental/ticket_events.json, time-based: start_time, then next_page
/// until end_of_stream). Only those three fields are kept (a few dozen bytes a change), keyed by ticket, until
/// the connector hands them out with their ticket.
/// </summary>
internal sealed class ZendeskChangeLog
{
    public const string Path = "/api/v2/incremental/ticket_events.json";

    private static readonly (string Field, TicketEventKind Kind)[] Fields =
    [
        ("status", TicketEventKind.Status),
        ("assignee_id", TicketEventKind.Assignment),
        ("group_id", TicketEventKind.TeamAssignment),
    ];

    private readonly Dictionary<long, List<ZendeskChange>> _byTicket = [];
    private readonly HashSet<long> _seen = [];
    private readonly HashSet<string> _values = new(StringComparer.Ordinal);

    /// <summary>
    /// The time of the latest update the export gave. The export had reached its end, so every update up to
    /// and including this second has been read: the instant up to which this log is complete.
    /// </summary>
    public DateTimeOffset? Latest { get; private set; }

    /// <summary>Updates that could not be read (no ticket id, no time), to be quarantined.</summary>
    public List<ApiRecordProblem> Problems { get; } = [];

    /// <summary>How many export pages were read.</summary>
    public int Pages { get; private set; }

    /// <summary>The tickets whose changes have not been handed out yet.</summary>
    public IReadOnlyCollection<long> Pending => _byTicket.Keys;

    /// <summary>Hands out a ticket's changes in history order (time, then update, then position), once.</summary>
    public IReadOnlyList<ZendeskChange> Take(long ticketId)
    {
        if (!_byTicket.Remove(ticketId, out var changes))
        {
            return [];
        }

        changes.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.AuditId != b.AuditId ? a.AuditId.CompareTo(b.AuditId) : a.Position.CompareTo(b.Position));
        return changes;
    }

    /// <summary>The time of a ticket's latest change not yet handed out; null when it has none.</summary>
    public DateTimeOffset? LastChangeOf(long ticketId) =>
        _byTicket.TryGetValue(ticketId, out var changes) && changes.Count > 0 ? changes.Max(c => c.At) : null;

    /// <summary>Drops a ticket's changes (a deleted ticket: nothing to attach them to).</summary>
    public void Drop(long ticketId) => _byTicket.Remove(ticketId);

    /// <summary>
    /// Reads the export from <paramref name="since"/> to its end into this log. Read again from <see cref="Latest"/>,
    /// it adds only the updates made since: an update already read is recognised by its id.
    /// </summary>
    public async Task ReadAsync(ApiClient client, string sourceName, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var start = ZendeskJson.UnixSeconds(since);
        var path = Path + "?start_time=" + start.ToString(CultureInfo.InvariantCulture);
        while (true)
        {
            using var document = await client.GetJsonAsync(path, cancellationToken);
            var events = ZendeskJson.Array(document, "ticket_events", sourceName, path);
            Pages++;
            var fresh = 0;
            foreach (var update in events.EnumerateArray())
            {
                // Time-based pages overlap: the next page starts at the second the last one ended in, so updates
                // of that second come again. The update's id tells them apart.
                if (ZendeskJson.Field(update, "id") is { } idValue && ZendeskJson.TryId(idValue, out var auditId) && !_seen.Add(auditId))
                {
                    continue;
                }

                fresh++;
                Add(update);
            }

            var root = document!.RootElement;
            if (ZendeskJson.Field(root, "end_of_stream") is { ValueKind: JsonValueKind.True })
            {
                return;
            }

            var next = ZendeskJson.Text(root, "next_page") is { } url
                ? ZendeskJson.PathOf(url)
                : ZendeskJson.Field(root, "end_time") is { } end && ZendeskJson.TryId(end, out var endTime)
                    ? Path + "?start_time=" + endTime.ToString(CultureInfo.InvariantCulture)
                    : null;
            if (next is null || (next == path && fresh == 0))
            {
                // More updates share one second than a page holds: time-based paging cannot get past them.
                throw new SourceQueryException($"Source '{sourceName}': {Path} did not move past start_time {StartOf(path)}; the ticket event export cannot be read further (more updates in one second than a page holds). The next run tries again from the watermark.");
            }

            path = next;
        }
    }

    private static string StartOf(string path)
    {
        var at = path.IndexOf("start_time=", StringComparison.Ordinal);
        return at < 0 ? "?" : path[(at + "start_time=".Length)..].Split('&')[0];
    }

    private void Add(JsonElement update)
    {
        var key = ZendeskJson.Text(update, "id") ?? "?";
        if (ZendeskJson.Field(update, "ticket_id") is not { } ticketValue || !ZendeskJson.TryId(ticketValue, out var ticketId))
        {
            Problems.Add(new ApiRecordProblem($"ticket event {key}", "ticket_id", ZendeskJson.Text(update, "ticket_id"), "the update names no ticket; its changes are left out"));
            return;
        }

        if (!TryTime(update, out var at))
        {
            Problems.Add(new ApiRecordProblem(ticketId.ToString(CultureInfo.InvariantCulture), "ticket_events.created_at", ZendeskJson.Text(update, "created_at"), $"update {key} has no readable time; its changes are left out"));
            return;
        }

        if (Latest is null || at > Latest)
        {
            Latest = at;
        }

        if (ZendeskJson.Field(update, "child_events") is not { ValueKind: JsonValueKind.Array } children)
        {
            return;
        }

        ZendeskJson.TryOptionalId(update, "updater_id", out var updater);
        var auditId = ZendeskJson.Field(update, "id") is { } idValue && ZendeskJson.TryId(idValue, out var id) ? id : 0;
        var position = 0;
        foreach (var child in children.EnumerateArray())
        {
            position++;
            var type = ZendeskJson.Text(child, "event_type");
            if (type is not ("Create" or "Change"))
            {
                continue;
            }

            foreach (var (field, kind) in Fields)
            {
                if (!child.TryGetProperty(field, out var value))
                {
                    continue;
                }

                var from = Shared(type == "Change" ? ZendeskJson.Text(child, "previous_value") : null);
                var to = Shared(value.ValueKind == JsonValueKind.Null ? null : ZendeskJson.Text(value));
                if (type == "Create" && to is null)
                {
                    continue;
                }

                if (!_byTicket.TryGetValue(ticketId, out var list))
                {
                    _byTicket[ticketId] = list = [];
                }

                list.Add(new ZendeskChange(auditId, position, at, kind, from, to, updater));
            }
        }
    }

    /// <summary>
    /// One string per distinct value: a first sync holds every change of the window until its ticket comes, and
    /// the same few statuses and ids repeat across millions of them.
    /// </summary>
    private string? Shared(string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _values.Add(value);
        return value;
    }

    /// <summary>The update's time: created_at, else the unix timestamp the export also gives.</summary>
    private static bool TryTime(JsonElement update, out DateTimeOffset at)
    {
        at = default;
        if (ZendeskJson.TryInstant(update, "created_at", out var created) && created is { } c)
        {
            at = c;
            return true;
        }

        if (ZendeskJson.Field(update, "timestamp") is { } stamp && ZendeskJson.TryId(stamp, out var seconds) && seconds > 0)
        {
            at = DateTimeOffset.FromUnixTimeSeconds(seconds);
            return true;
        }

        return false;
    }
}
