using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Microsoft.AspNetCore.Http;

namespace Analytics.Tests.Import.Api.Zendesk;

/// <summary>
/// Zendesk Support on loopback: serves the v2 API's documented shapes (incremental ticket export cursor-based,
/// incremental ticket event export time-based, show_many, and the cursor-paginated groups, users and group
/// memberships lists) from an in-memory truth the test changes between syncs. Like Zendesk, the exports
/// leave out the last minute before <see cref="Now"/>, select and order tickets by generated_timestamp, and
/// page ticket events by second (the next page starts at the second the last one ended in).
/// </summary>
public sealed class ZendeskFake : IAsyncDisposable
{
    public const string Email = "reports@example.com";
    public const string Token = "zd-T0ken-9f8e7d";

    private readonly Lock _gate = new();
    private long _nextAuditId = 5_000;

    private ZendeskFake(DateTimeOffset now) => Now = now;

    public LoopbackApi Api { get; private set; } = null!;

    public string BaseUrl => Api.BaseUrl;

    /// <summary>The fake's clock: what the exports count "the last minute" from.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>Ticket events per export page (Zendesk: 1000).</summary>
    public int EventPageSize { get; set; } = 1000;

    public Dictionary<long, FakeGroup> Groups { get; } = [];

    public Dictionary<long, FakeUser> Users { get; } = [];

    public List<FakeMembership> Memberships { get; } = [];

    public SortedDictionary<long, FakeTicket> Tickets { get; } = [];

    public List<FakeAudit> Audits { get; } = [];

    /// <summary>Runs before each request is served, with its path: a change that lands between two requests.</summary>
    public Action<string>? BeforeServe { get; set; }

    /// <summary>A ticket's JSON as served instead of its truth (a malformed record).</summary>
    public Dictionary<long, string> RawTickets { get; } = [];

    public static async Task<ZendeskFake> StartAsync(DateTimeOffset now)
    {
        var fake = new ZendeskFake(now);
        fake.Api = await LoopbackApi.StartAsync(fake.ServeAsync);
        return fake;
    }

    public static string ExpectedAuthorization =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(Email + "/token:" + Token));

    // ---- the truth -------------------------------------------------------------------------------------------

    public void Group(long id, string name, bool deleted = false)
    {
        lock (_gate)
        {
            Groups[id] = new FakeGroup(id, name, deleted);
        }
    }

    public void User(long id, string name, string role = "agent", bool suspended = false, bool active = true)
    {
        lock (_gate)
        {
            Users[id] = new FakeUser(id, name, name.Split(' ')[0].ToLowerInvariant() + "@example.com", role, suspended, active);
        }
    }

    public void Member(long id, long userId, long groupId, bool isDefault)
    {
        lock (_gate)
        {
            Memberships.Add(new FakeMembership(id, userId, groupId, isDefault));
        }
    }

    /// <summary>A new ticket, created by <paramref name="requester"/> at <paramref name="at"/> with its creation audit.</summary>
    public FakeTicket Open(long id, DateTimeOffset at, string subject, string? type = "incident", string priority = "normal", string channel = "email", long? group = null, long? assignee = null, long requester = 900, DateTimeOffset? due = null)
    {
        lock (_gate)
        {
            var ticket = new FakeTicket
            {
                Id = id,
                Subject = subject,
                Type = type,
                Priority = priority,
                Channel = channel,
                Status = "new",
                GroupId = group,
                AssigneeId = assignee,
                RequesterId = requester,
                CreatedAt = at,
                UpdatedAt = at,
                Generated = at,
                DueAt = due,
                GroupStations = group is null ? 0 : 1,
            };
            Tickets[id] = ticket;
            var children = new List<FakeChild> { new("status", null, "new", Create: true) };
            if (group is { } g)
            {
                children.Add(new FakeChild("group_id", null, g, Create: true));
            }

            if (assignee is { } a)
            {
                children.Add(new FakeChild("assignee_id", null, a, Create: true));
            }

            Audits.Add(new FakeAudit(_nextAuditId++, id, at, requester, children));
            return ticket;
        }
    }

    /// <summary>An agent's update: one audit with a change per field ("status", "assignee_id", "group_id", "priority").</summary>
    public void Change(long id, DateTimeOffset at, long updater, params (string Field, object? Value)[] changes)
    {
        lock (_gate)
        {
            var t = Tickets[id];
            var children = new List<FakeChild>();
            foreach (var (field, value) in changes)
            {
                switch (field)
                {
                    case "status":
                        var status = (string)value!;
                        children.Add(new FakeChild(field, t.Status, status));
                        if (t.Status is "solved" or "closed" && status is not ("solved" or "closed"))
                        {
                            t.Reopens++;
                        }

                        if (status == "solved")
                        {
                            t.SolvedAt = at;
                        }

                        t.Status = status;
                        break;
                    case "assignee_id":
                        children.Add(new FakeChild(field, t.AssigneeId, value));
                        t.AssigneeId = (long?)value;
                        break;
                    case "group_id":
                        children.Add(new FakeChild(field, t.GroupId, value));
                        t.GroupId = (long?)value;
                        t.GroupStations++;
                        break;
                    case "priority":
                        children.Add(new FakeChild(field, t.Priority, value));
                        t.Priority = (string)value!;
                        break;
                    default:
                        throw new ArgumentException($"The fake does not change {field}.", nameof(changes));
                }
            }

            if (t.FirstReplyMinutes is null && updater != t.RequesterId)
            {
                t.FirstReplyMinutes = (int)(at - t.CreatedAt).TotalMinutes;
            }

            t.UpdatedAt = at;
            t.Generated = at;
            Audits.Add(new FakeAudit(_nextAuditId++, id, at, updater, children));
        }
    }

    /// <summary>A system update (an SLA recalculation, say): generated_timestamp moves, updated_at does not, no event.</summary>
    public void Touch(long id, DateTimeOffset at)
    {
        lock (_gate)
        {
            Tickets[id].Generated = at;
        }
    }

    /// <summary>Soft-deletes a ticket: the export then lists it with status "deleted".</summary>
    public void Delete(long id, DateTimeOffset at)
    {
        lock (_gate)
        {
            Tickets[id].Deleted = true;
            Tickets[id].Generated = at;
        }
    }

    // ---- the API ---------------------------------------------------------------------------------------------

    private Task ServeAsync(HttpContext context)
    {
        if (context.Request.Headers.Authorization.ToString() != ExpectedAuthorization)
        {
            context.Response.StatusCode = 401;
            return context.Response.WriteAsync("""{"error":"Couldn't authenticate you"}""");
        }

        BeforeServe?.Invoke(context.Request.Path.Value ?? "/");
        JsonObject? body;
        lock (_gate)
        {
            var q = context.Request.Query;
            body = context.Request.Path.Value switch
            {
                "/api/v2/incremental/tickets/cursor.json" => TicketExport(q),
                "/api/v2/incremental/ticket_events.json" => EventExport(q),
                "/api/v2/tickets/show_many.json" => ShowMany(q),
                "/api/v2/groups.json" => List(q, "/api/v2/groups.json", "groups",
                    Groups.Values.Where(g => q["exclude_deleted"] != "true" || !g.Deleted).Select(g => (g.Id, GroupJson(g)))),
                "/api/v2/users.json" => List(q, "/api/v2/users.json", "users",
                    Users.Values.Where(u => q["role[]"].Count == 0 || q["role[]"].Contains(u.Role)).Select(u => (u.Id, UserJson(u)))),
                "/api/v2/group_memberships.json" => List(q, "/api/v2/group_memberships.json", "group_memberships",
                    Memberships.Select(m => (m.Id, MembershipJson(m)))),
                _ => null,
            };
        }

        if (body is null)
        {
            context.Response.StatusCode = 404;
            return context.Response.WriteAsync("""{"error":"InvalidEndpoint","description":"Not found"}""");
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private long Cutoff => (Now - TimeSpan.FromMinutes(1)).ToUnixTimeSeconds();

    private JsonObject TicketExport(IQueryCollection q)
    {
        var perPage = int.TryParse(q["per_page"], CultureInfo.InvariantCulture, out var n) ? Math.Min(n, 1000) : 1000;
        (long Generated, long Id) after;
        if (q["cursor"].ToString() is { Length: > 0 } cursor)
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(cursor)).Split('|');
            after = (long.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
        }
        else
        {
            after = (long.Parse(q["start_time"]!, CultureInfo.InvariantCulture), -1);
        }

        var cutoff = Cutoff;
        var candidates = Tickets.Values
            .Select(t => (Ticket: t, Key: (t.Generated.ToUnixTimeSeconds(), t.Id)))
            .Where(x => x.Key.Item1 <= cutoff && x.Key.CompareTo(after) > 0)
            .OrderBy(x => x.Key)
            .ToList();
        var page = candidates.Take(perPage).ToList();
        var last = page.Count > 0 ? page[^1].Key : after;
        var nextCursor = Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{last.Item1}|{last.Item2}")));
        var body = new JsonObject
        {
            ["tickets"] = new JsonArray([.. page.Select(x => TicketJson(x.Ticket))]),
            ["after_url"] = $"{BaseUrl}/api/v2/incremental/tickets/cursor.json?cursor={Uri.EscapeDataString(nextCursor)}&per_page={perPage}",
            ["after_cursor"] = nextCursor,
            ["before_url"] = null,
            ["before_cursor"] = null,
            ["end_of_stream"] = candidates.Count <= perPage,
        };
        if (q["include"].ToString().Contains("metric_sets", StringComparison.Ordinal))
        {
            body["metric_sets"] = new JsonArray([.. page.Where(x => !x.Ticket.Deleted).Select(x => MetricJson(x.Ticket))]);
        }

        return body;
    }

    private JsonObject EventExport(IQueryCollection q)
    {
        var start = long.Parse(q["start_time"]!, CultureInfo.InvariantCulture);
        var cutoff = Cutoff;
        var all = Audits
            .Where(a => a.At.ToUnixTimeSeconds() >= start && a.At.ToUnixTimeSeconds() <= cutoff)
            .OrderBy(a => a.At).ThenBy(a => a.Id)
            .ToList();
        var page = all.Take(EventPageSize).ToList();
        var endTime = page.Count > 0 ? page[^1].At.ToUnixTimeSeconds() : start;
        return new JsonObject
        {
            ["ticket_events"] = new JsonArray([.. page.Select(AuditJson)]),
            ["next_page"] = $"{BaseUrl}/api/v2/incremental/ticket_events.json?start_time={endTime}",
            ["count"] = page.Count,
            ["end_time"] = endTime,
            ["end_of_stream"] = page.Count < EventPageSize,
        };
    }

    private JsonObject ShowMany(IQueryCollection q)
    {
        var ids = q["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => long.Parse(s, CultureInfo.InvariantCulture));
        var found = ids.Where(Tickets.ContainsKey).Select(id => Tickets[id]).Where(t => !t.Deleted).ToList();
        var body = new JsonObject { ["tickets"] = new JsonArray([.. found.Select(TicketJson)]) };
        if (q["include"].ToString().Contains("metric_sets", StringComparison.Ordinal))
        {
            body["metric_sets"] = new JsonArray([.. found.Select(MetricJson)]);
        }

        return body;
    }

    /// <summary>Cursor pagination as Zendesk's list endpoints do it: page[size], page[after], meta.has_more, links.next.</summary>
    private JsonObject List(IQueryCollection q, string path, string name, IEnumerable<(long Id, JsonObject Json)> items)
    {
        var size = int.TryParse(q["page[size]"], CultureInfo.InvariantCulture, out var s) ? Math.Min(s, 100) : 100;
        var afterId = q["page[after]"].ToString() is { Length: > 0 } cursor ? long.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(cursor)), CultureInfo.InvariantCulture) : long.MinValue;
        var remaining = items.Where(x => x.Id > afterId).OrderBy(x => x.Id).ToList();
        var page = remaining.Take(size).ToList();
        var hasMore = remaining.Count > size;
        var afterCursor = page.Count > 0 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(page[^1].Id.ToString(CultureInfo.InvariantCulture))) : null;
        var keep = string.Join('&', q.Where(p => p.Key is not ("page[after]" or "page[size]"))
            .SelectMany(p => p.Value.Select(v => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(v ?? string.Empty))));
        return new JsonObject
        {
            [name] = new JsonArray([.. page.Select(x => x.Json)]),
            ["meta"] = new JsonObject { ["has_more"] = hasMore, ["after_cursor"] = afterCursor, ["before_cursor"] = null },
            ["links"] = new JsonObject
            {
                ["next"] = hasMore ? $"{BaseUrl}{path}?{keep}{(keep.Length > 0 ? "&" : string.Empty)}page%5Bafter%5D={Uri.EscapeDataString(afterCursor!)}&page%5Bsize%5D={size}" : null,
                ["prev"] = null,
            },
        };
    }

    private static string Iso(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private JsonNode TicketJson(FakeTicket t)
    {
        if (RawTickets.TryGetValue(t.Id, out var raw))
        {
            return JsonNode.Parse(raw)!;
        }

        return new JsonObject
        {
            ["url"] = $"{BaseUrl}/api/v2/tickets/{t.Id}.json",
            ["id"] = t.Id,
            ["external_id"] = null,
            ["via"] = new JsonObject { ["channel"] = t.Channel, ["source"] = new JsonObject { ["from"] = new JsonObject(), ["to"] = new JsonObject(), ["rel"] = null } },
            ["created_at"] = Iso(t.CreatedAt),
            ["updated_at"] = Iso(t.UpdatedAt),
            ["generated_timestamp"] = t.Generated.ToUnixTimeSeconds(),
            ["type"] = t.Type,
            ["subject"] = t.Subject,
            ["raw_subject"] = t.Subject,
            ["description"] = "As the requester wrote it.",
            ["priority"] = t.Priority,
            ["status"] = t.Deleted ? "deleted" : t.Status,
            ["recipient"] = "support@example.com",
            ["requester_id"] = t.RequesterId,
            ["submitter_id"] = t.RequesterId,
            ["assignee_id"] = t.AssigneeId,
            ["organization_id"] = null,
            ["group_id"] = t.GroupId,
            ["collaborator_ids"] = new JsonArray(),
            ["follower_ids"] = new JsonArray(),
            ["email_cc_ids"] = new JsonArray(),
            ["forum_topic_id"] = null,
            ["problem_id"] = null,
            ["has_incidents"] = false,
            ["is_public"] = true,
            ["due_at"] = t.DueAt is { } due ? Iso(due) : null,
            ["tags"] = new JsonArray(),
            ["custom_fields"] = new JsonArray(),
            ["satisfaction_rating"] = null,
            ["sharing_agreement_ids"] = new JsonArray(),
            ["followup_ids"] = new JsonArray(),
            ["ticket_form_id"] = 360000001,
            ["brand_id"] = 360000002,
            ["allow_channelback"] = false,
            ["allow_attachments"] = true,
        };
    }

    private JsonObject MetricJson(FakeTicket t) => new()
    {
        ["url"] = $"{BaseUrl}/api/v2/ticket_metrics/{t.Id + 7_000_000}.json",
        ["id"] = t.Id + 7_000_000,
        ["ticket_id"] = t.Id,
        ["created_at"] = Iso(t.CreatedAt),
        ["updated_at"] = Iso(t.UpdatedAt),
        ["group_stations"] = t.GroupStations,
        ["assignee_stations"] = t.AssigneeId is null ? 0 : 1,
        ["reopens"] = t.Reopens,
        ["replies"] = t.FirstReplyMinutes is null ? 0 : 1,
        ["assignee_updated_at"] = null,
        ["requester_updated_at"] = Iso(t.CreatedAt),
        ["status_updated_at"] = Iso(t.UpdatedAt),
        ["initially_assigned_at"] = null,
        ["assigned_at"] = null,
        ["solved_at"] = t.SolvedAt is { } solved ? Iso(solved) : null,
        ["latest_comment_added_at"] = Iso(t.UpdatedAt),
        ["reply_time_in_minutes"] = new JsonObject { ["calendar"] = t.FirstReplyMinutes, ["business"] = t.FirstReplyMinutes },
        ["first_resolution_time_in_minutes"] = new JsonObject { ["calendar"] = null, ["business"] = null },
        ["full_resolution_time_in_minutes"] = new JsonObject { ["calendar"] = null, ["business"] = null },
        ["agent_wait_time_in_minutes"] = new JsonObject { ["calendar"] = null, ["business"] = null },
        ["requester_wait_time_in_minutes"] = new JsonObject { ["calendar"] = null, ["business"] = null },
        ["on_hold_time_in_minutes"] = new JsonObject { ["calendar"] = 0, ["business"] = 0 },
    };

    private JsonObject AuditJson(FakeAudit a)
    {
        var children = new JsonArray();
        var position = 0;
        foreach (var c in a.Children)
        {
            var child = new JsonObject
            {
                ["id"] = (a.Id * 100) + position++,
                ["via"] = "Web form",
                ["via_reference_id"] = null,
                [c.Field] = JsonValue(c.Value),
                ["event_type"] = c.Create ? "Create" : "Change",
            };
            if (!c.Create)
            {
                child["previous_value"] = JsonValue(c.Previous);
            }

            children.Add(child);
        }

        return new JsonObject
        {
            ["id"] = a.Id,
            ["ticket_id"] = a.TicketId,
            ["timestamp"] = a.At.ToUnixTimeSeconds(),
            ["created_at"] = Iso(a.At),
            ["updater_id"] = a.Updater,
            ["via"] = "Web form",
            ["system"] = new JsonObject { ["client"] = "Mozilla/5.0", ["ip_address"] = "192.0.2.10", ["location"] = "Utrecht, UT, Netherlands" },
            ["metadata"] = new JsonObject(),
            ["event_type"] = "Audit",
            ["child_events"] = children,
            ["merged_ticket_ids"] = new JsonArray(),
        };
    }

    /// <summary>Change events carry ids as text, as Zendesk's event stream does.</summary>
    private static JsonValue? JsonValue(object? value) => value switch
    {
        null => null,
        long id => System.Text.Json.Nodes.JsonValue.Create(id.ToString(CultureInfo.InvariantCulture)),
        string text => System.Text.Json.Nodes.JsonValue.Create(text),
        _ => throw new ArgumentException("unexpected value", nameof(value)),
    };

    private static JsonObject GroupJson(FakeGroup g) => new()
    {
        ["id"] = g.Id,
        ["name"] = g.Name,
        ["description"] = string.Empty,
        ["default"] = false,
        ["deleted"] = g.Deleted,
        ["is_public"] = true,
        ["created_at"] = "2024-01-08T09:00:00Z",
        ["updated_at"] = "2024-01-08T09:00:00Z",
    };

    private static JsonObject UserJson(FakeUser u) => new()
    {
        ["id"] = u.Id,
        ["name"] = u.Name,
        ["email"] = u.Email,
        ["role"] = u.Role,
        ["role_type"] = null,
        ["active"] = u.Active,
        ["suspended"] = u.Suspended,
        ["time_zone"] = "Amsterdam",
        ["created_at"] = "2024-01-08T09:00:00Z",
        ["updated_at"] = "2024-01-08T09:00:00Z",
    };

    private static JsonObject MembershipJson(FakeMembership m) => new()
    {
        ["id"] = m.Id,
        ["user_id"] = m.UserId,
        ["group_id"] = m.GroupId,
        ["default"] = m.Default,
        ["created_at"] = "2024-01-08T09:00:00Z",
        ["updated_at"] = "2024-01-08T09:00:00Z",
    };

    // ---- what a sync should store -----------------------------------------------------------------------------

    /// <summary>The canonical tickets the truth maps to (deleted tickets have none), written apart from the connector.</summary>
    public List<Ticket> ExpectedTickets(string source)
    {
        lock (_gate)
        {
            return [.. Tickets.Values.Where(t => !t.Deleted).Select(t => new Ticket
            {
                Source = source,
                TicketId = t.Id.ToString(CultureInfo.InvariantCulture),
                Kind = t.Type switch { "question" => TicketKind.Request, "problem" => TicketKind.Problem, "task" => TicketKind.Task, _ => TicketKind.Incident },
                Title = t.Subject,
                Priority = t.Priority,
                Channel = t.Channel switch { "email" => Channel.Email, "web" or "api" => Channel.Portal, "voice" => Channel.Phone, "chat" => Channel.Chat, _ => null },
                Team = t.GroupId is { } g ? Groups[g].Name : null,
                Assignee = t.AssigneeId is { } a ? Users[a].Name : null,
                OpenedAt = t.CreatedAt,
                FirstResponseAt = t.FirstReplyMinutes is { } m ? t.CreatedAt.AddMinutes(m) : null,
                ResolvedAt = t.Status is "solved" or "closed" ? t.SolvedAt : null,
                ClosedAt = t.Status == "closed" ? t.UpdatedAt : null,
                DueAt = t.DueAt,
                ReopenCount = t.Reopens,
                ReassignmentCount = Math.Max(0, t.GroupStations - 1),
                UpdatedAt = t.UpdatedAt,
            })];
        }
    }

    /// <summary>The status, assignee and group events of every ticket that is not deleted, named, in history order.</summary>
    public List<TicketEvent> ExpectedEvents(string source)
    {
        lock (_gate)
        {
            var events = new List<TicketEvent>();
            foreach (var audit in Audits.Where(a => !Tickets[a.TicketId].Deleted).OrderBy(a => a.TicketId).ThenBy(a => a.At).ThenBy(a => a.Id))
            {
                foreach (var c in audit.Children.Where(c => c.Field is "status" or "assignee_id" or "group_id"))
                {
                    var kind = c.Field switch { "status" => TicketEventKind.Status, "assignee_id" => TicketEventKind.Assignment, _ => TicketEventKind.TeamAssignment };
                    events.Add(new TicketEvent
                    {
                        Source = source,
                        TicketId = audit.TicketId.ToString(CultureInfo.InvariantCulture),
                        OccurredAt = audit.At,
                        Kind = kind,
                        Sequence = events.Count(e => e.TicketId == audit.TicketId.ToString(CultureInfo.InvariantCulture) && e.OccurredAt == audit.At && e.Kind == kind),
                        FromValue = NameOf(c.Field, c.Previous),
                        ToValue = NameOf(c.Field, c.Value),
                        Actor = Users.TryGetValue(audit.Updater, out var u) && u.Role != "end-user" ? u.Name : null,
                    });
                }
            }

            return events;
        }
    }

    private string? NameOf(string field, object? value) => (field, value) switch
    {
        (_, null) => null,
        ("assignee_id", long id) => Users[id].Name,
        ("group_id", long id) => Groups[id].Name,
        (_, string text) => text,
        _ => value.ToString(),
    };

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

public sealed record FakeGroup(long Id, string Name, bool Deleted);

public sealed record FakeUser(long Id, string Name, string Email, string Role, bool Suspended, bool Active);

public sealed record FakeMembership(long Id, long UserId, long GroupId, bool Default);

public sealed record FakeChild(string Field, object? Previous, object? Value, bool Create = false);

public sealed record FakeAudit(long Id, long TicketId, DateTimeOffset At, long Updater, IReadOnlyList<FakeChild> Children);

/// <summary>A ticket as Zendesk holds it.</summary>
public sealed class FakeTicket
{
    public long Id { get; init; }
    public string Subject { get; set; } = string.Empty;
    public string? Type { get; set; }
    public string Priority { get; set; } = "normal";
    public string Channel { get; set; } = "email";
    public string Status { get; set; } = "new";
    public long? GroupId { get; set; }
    public long? AssigneeId { get; set; }
    public long RequesterId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset Generated { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? SolvedAt { get; set; }
    public int Reopens { get; set; }
    public int GroupStations { get; set; }
    public int? FirstReplyMinutes { get; set; }
    public bool Deleted { get; set; }
}
