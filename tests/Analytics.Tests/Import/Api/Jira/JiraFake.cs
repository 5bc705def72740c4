using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analytics.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Analytics.Tests.Import.Api.Jira;

/// <summary>
/// Jira Service Management Cloud on loopback, serving REST API v3's documented shapes from an in-memory truth
/// the test changes between syncs: the field list (GET /rest/api/3/field), the enhanced JQL search
/// (GET /rest/api/3/search/jql: jql, fields, expand=changelog, maxResults, nextPageToken; the changelog cut to
/// the newest 40 histories), the changelog endpoint (oldest first, startAt paging), and groups with members.
/// The nextPageToken is a cursor after the last (updated, id) served, so an issue updated while paging comes
/// again on a later page and none is skipped.
/// </summary>
internal sealed partial class JiraFake : IAsyncDisposable
{
    public const string TeamField = "customfield_10001";
    public const string RequestTypeField = "customfield_10010";
    public const string TimeToResolutionField = "customfield_10020";

    private readonly object _gate = new();
    private int _searchPages;

    private JiraFake(TimeZoneInfo userZone) => UserZone = userZone;

    public LoopbackApi Api { get; private set; } = null!;

    /// <summary>The API user's time zone: JQL times are read in it.</summary>
    public TimeZoneInfo UserZone { get; }

    public List<FakeIssue> Issues { get; } = [];

    public List<FakeGroup> Groups { get; } = [];

    /// <summary>Whether the site has JSM's Team field; without it the connector falls back to components.</summary>
    public bool HasTeamField { get; set; } = true;

    /// <summary>The most histories the search embeds (Atlassian's enhanced search gives at most 40).</summary>
    public int SearchChangelogLimit { get; set; } = 40;

    /// <summary>Called before a search page (numbered from 0 over the fake's life) is served: changes "while paging".</summary>
    public Action<int>? BeforeSearchPage { get; set; }

    /// <summary>Issues served as this raw JSON instead of their fields (malformed records), by key.</summary>
    public Dictionary<string, string> RawIssues { get; } = [];

    /// <summary>Group and member requests answer 403 (the API user lacks "Browse users and groups").</summary>
    public bool RosterForbidden { get; set; }

    /// <summary>The search answers every page with this same token (a broken proxy or a server bug).</summary>
    public string? StuckToken { get; set; }

    /// <summary>Every JQL the search was asked for.</summary>
    public List<string> Jqls { get; } = [];

    public static async Task<JiraFake> StartAsync(TimeZoneInfo userZone)
    {
        var fake = new JiraFake(userZone);
        fake.Api = await LoopbackApi.StartAsync(fake.HandleAsync);
        return fake;
    }

    public FakeIssue AddIssue(string key, DateTimeOffset created, string type = "[System] Service request", string? team = "Service Desk", string? requestType = "Get IT help", string priority = "Medium")
    {
        lock (_gate)
        {
            var issue = new FakeIssue
            {
                Id = 10000 + Issues.Count + 1, Key = key, Summary = "Ticket " + key, IssueType = type, Team = team, RequestType = requestType,
                Priority = priority, Created = created, Updated = created, Components = team is null ? [] : [team],
            };
            Issues.Add(issue);
            return issue;
        }
    }

    public FakeIssue Issue(string key) => Issues.Single(i => i.Key == key);

    /// <summary>A change by <paramref name="author"/> at <paramref name="at"/>: a history entry and the new field values.</summary>
    public void Change(string key, DateTimeOffset at, string author, string? status = null, string? category = null, string? assignee = null, bool unassign = false, string? team = null, bool resolve = false, bool reopen = false)
    {
        lock (_gate)
        {
            var issue = Issue(key);
            var items = new List<FakeItem>();
            if (status is not null)
            {
                items.Add(new FakeItem("status", "jira", "status", "1" + issue.Status.Length, issue.Status, "1" + status.Length, status));
                issue.Status = status;
                issue.StatusCategory = category ?? "indeterminate";
            }

            if (assignee is not null || unassign)
            {
                items.Add(new FakeItem("assignee", "jira", "assignee", issue.Assignee is null ? null : "acc-" + issue.Assignee, issue.Assignee, assignee is null ? null : "acc-" + assignee, assignee));
                issue.Assignee = assignee;
            }

            if (team is not null)
            {
                if (HasTeamField)
                {
                    items.Add(new FakeItem("Team", "custom", TeamField, issue.Team is null ? null : "team-" + issue.Team, issue.Team, "team-" + team, team));
                }
                else
                {
                    if (issue.Components.FirstOrDefault() is { } old)
                    {
                        items.Add(new FakeItem("Component", "jira", "components", "comp-" + old, old, null, null));
                    }

                    items.Add(new FakeItem("Component", "jira", "components", null, null, "comp-" + team, team));
                }

                issue.Team = team;
                issue.Components = [team];
            }

            if (resolve)
            {
                items.Add(new FakeItem("resolution", "jira", "resolution", null, null, "10000", "Done"));
                issue.Resolution = "Done";
                issue.ResolutionDate = at;
            }

            if (reopen)
            {
                items.Add(new FakeItem("resolution", "jira", "resolution", "10000", issue.Resolution, null, null));
                issue.Resolution = null;
                issue.ResolutionDate = null;
            }

            issue.Histories.Add(new FakeHistory(100000 + Issues.Sum(i => i.Histories.Count) + 1, at, author, items));
            issue.Updated = at;
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var q = context.Request.Query;
        JsonNode? body;
        var status = 200;
        lock (_gate)
        {
            if (path == "/rest/api/3/field")
            {
                body = FieldList();
            }
            else if (path == "/rest/api/3/search/jql")
            {
                BeforeSearchPage?.Invoke(_searchPages++);
                body = Search(q["jql"].ToString(), q["fields"].ToString(), q["expand"].ToString(), Int(q["maxResults"], 50), q["nextPageToken"].ToString());
            }
            else if (ChangelogPath().Match(path) is { Success: true } m)
            {
                body = Changelog(Uri.UnescapeDataString(m.Groups[1].Value), Int(q["startAt"], 0), Int(q["maxResults"], 100));
            }
            else if (path is "/rest/api/3/group/bulk" or "/rest/api/3/group/member" && RosterForbidden)
            {
                (status, body) = (403, new JsonObject { ["errorMessages"] = new JsonArray("You do not have permission to view users and groups."), ["errors"] = new JsonObject() });
            }
            else if (path == "/rest/api/3/group/bulk")
            {
                body = GroupPage(Int(q["startAt"], 0), Int(q["maxResults"], 50));
            }
            else if (path == "/rest/api/3/group/member")
            {
                body = MemberPage(q["groupId"].ToString(), Int(q["startAt"], 0), Int(q["maxResults"], 50));
            }
            else
            {
                (status, body) = (404, new JsonObject { ["errorMessages"] = new JsonArray("Not found: " + path) });
            }
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body!.ToJsonString());
    }

    private JsonArray FieldList()
    {
        JsonObject System(string id, string name, string type) => new()
        {
            ["id"] = id, ["key"] = id, ["name"] = name, ["custom"] = false, ["orderable"] = true, ["navigable"] = true, ["searchable"] = true,
            ["clauseNames"] = new JsonArray(id), ["schema"] = new JsonObject { ["type"] = type, ["system"] = id },
        };
        JsonObject Custom(string id, string name, string type, string custom) => new()
        {
            ["id"] = id, ["key"] = id, ["name"] = name, ["untranslatedName"] = name, ["custom"] = true, ["orderable"] = true, ["navigable"] = true,
            ["searchable"] = true, ["clauseNames"] = new JsonArray("cf[" + id[12..] + "]", name),
            ["schema"] = new JsonObject { ["type"] = type, ["custom"] = custom, ["customId"] = int.Parse(id[12..], CultureInfo.InvariantCulture) },
        };
        var fields = new JsonArray(
            System("summary", "Summary", "string"), System("status", "Status", "status"), System("assignee", "Assignee", "user"),
            System("updated", "Updated", "datetime"), System("components", "Components", "array"),
            Custom(RequestTypeField, "Request Type", "sd-customerrequesttype", "com.atlassian.servicedesk:vp-origin"),
            Custom(TimeToResolutionField, "Time to resolution", "sd-servicelevelagreement", "com.atlassian.servicedesk:sd-sla-field"),
            Custom("customfield_10030", "Satisfaction", "sd-feedback", "com.atlassian.servicedesk:sd-request-feedback"));
        if (HasTeamField)
        {
            fields.Add(Custom(TeamField, "Team", "team", "com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team"));
        }

        return fields;
    }

    private JsonObject Search(string jql, string fields, string expand, int maxResults, string token)
    {
        Jqls.Add(jql);
        var window = UpdatedSince().Match(jql);
        if (!window.Success || !jql.EndsWith("ORDER BY updated ASC", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The fake serves only 'updated >= \"yyyy/MM/dd HH:mm\" ... ORDER BY updated ASC', not: " + jql);
        }

        var local = DateTime.ParseExact(window.Groups[1].Value, "yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
        var since = new DateTimeOffset(local, UserZone.GetUtcOffset(local));
        var after = token.Length == 0 || StuckToken is not null ? ((DateTimeOffset, int)?)null : Cursor(token);
        var ordered = Issues
            .Where(i => i.Updated >= since)
            .OrderBy(i => i.Updated).ThenBy(i => i.Id)
            .Where(i => after is not { } a || i.Updated > a.Item1 || (i.Updated == a.Item1 && i.Id > a.Item2))
            .ToList();
        var page = ordered.Take(maxResults).ToList();
        var wanted = fields.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        var result = new JsonObject
        {
            ["issues"] = new JsonArray(page.Select(i => (JsonNode)IssueJson(i, wanted, expand.Split(',').Contains("changelog"))).ToArray()),
            ["isLast"] = ordered.Count <= maxResults,
        };
        if (StuckToken is not null)
        {
            result["isLast"] = false;
            result["nextPageToken"] = StuckToken;
        }
        else if (ordered.Count > maxResults)
        {
            var last = page[^1];
            result["nextPageToken"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(last.Updated.UtcTicks.ToString(CultureInfo.InvariantCulture) + ":" + last.Id.ToString(CultureInfo.InvariantCulture)));
        }

        return result;
    }

    private static (DateTimeOffset, int) Cursor(string token)
    {
        var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split(':');
        return (new DateTimeOffset(long.Parse(parts[0], CultureInfo.InvariantCulture), TimeSpan.Zero), int.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private JsonNode IssueJson(FakeIssue i, HashSet<string> wanted, bool changelog)
    {
        var self = Api.BaseUrl + "/rest/api/3/issue/" + i.Id.ToString(CultureInfo.InvariantCulture);
        if (RawIssues.TryGetValue(i.Key, out var raw))
        {
            return JsonNode.Parse(raw)!;
        }

        var all = new Dictionary<string, Func<JsonNode?>>
        {
            ["summary"] = () => i.Summary,
            ["issuetype"] = () => new JsonObject { ["self"] = Api.BaseUrl + "/rest/api/3/issuetype/10002", ["id"] = "10002", ["name"] = i.IssueType, ["subtask"] = false, ["hierarchyLevel"] = 0 },
            ["status"] = () => new JsonObject
            {
                ["self"] = Api.BaseUrl + "/rest/api/3/status/1", ["name"] = i.Status, ["id"] = "1" + i.Status.Length,
                ["statusCategory"] = new JsonObject { ["id"] = i.StatusCategory == "done" ? 3 : 4, ["key"] = i.StatusCategory, ["colorName"] = "green", ["name"] = i.StatusCategory },
            },
            ["priority"] = () => new JsonObject { ["self"] = Api.BaseUrl + "/rest/api/3/priority/3", ["name"] = i.Priority, ["id"] = "3" },
            ["assignee"] = () => i.Assignee is null ? null : User(i.Assignee),
            ["created"] = () => JiraInstant(i.Created),
            ["updated"] = () => JiraInstant(i.Updated),
            ["resolutiondate"] = () => i.ResolutionDate is { } r ? JiraInstant(r) : null,
            ["resolution"] = () => i.Resolution is null ? null : new JsonObject { ["id"] = "10000", ["name"] = i.Resolution },
            ["duedate"] = () => i.DueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["components"] = () => new JsonArray(i.Components.Select(c => (JsonNode)new JsonObject { ["self"] = Api.BaseUrl + "/rest/api/3/component/1", ["id"] = "comp-" + c, ["name"] = c }).ToArray()),
            ["timespent"] = () => i.TimeSpentSeconds,
            [RequestTypeField] = () => i.RequestType is null ? null : new JsonObject
            {
                ["_links"] = new JsonObject { ["web"] = Api.BaseUrl + "/servicedesk/customer/portal/1/" + i.Key },
                ["requestType"] = new JsonObject { ["id"] = "12", ["name"] = i.RequestType, ["description"] = "", ["issueTypeId"] = "10002", ["serviceDeskId"] = "1", ["portalId"] = "1", ["groupIds"] = new JsonArray("1") },
                ["currentStatus"] = new JsonObject { ["status"] = i.Status, ["statusCategory"] = i.StatusCategory == "done" ? "DONE" : "INDETERMINATE" },
            },
            [TimeToResolutionField] = () => i.Sla?.DeepClone(),
        };
        if (HasTeamField)
        {
            all[TeamField] = () => i.Team is null ? null : new JsonObject { ["id"] = "team-" + i.Team, ["name"] = i.Team, ["title"] = i.Team, ["isVisible"] = true, ["isShared"] = true };
        }

        var fields = new JsonObject();
        foreach (var (name, value) in all)
        {
            if (wanted.Contains(name))
            {
                fields[name] = value();
            }
        }

        var issue = new JsonObject { ["expand"] = "operations,versionedRepresentations,editmeta,changelog,renderedFields", ["id"] = i.Id.ToString(CultureInfo.InvariantCulture), ["self"] = self, ["key"] = i.Key, ["fields"] = fields };
        if (changelog)
        {
            var newestFirst = i.Histories.AsEnumerable().Reverse().Take(SearchChangelogLimit).Select(HistoryJson).ToArray();
            issue["changelog"] = new JsonObject { ["startAt"] = 0, ["maxResults"] = newestFirst.Length, ["total"] = i.Histories.Count, ["histories"] = new JsonArray(newestFirst) };
        }

        return issue;
    }

    private JsonObject Changelog(string key, int startAt, int maxResults)
    {
        var issue = Issues.Single(i => i.Key == key || i.Id.ToString(CultureInfo.InvariantCulture) == key);
        var values = issue.Histories.Skip(startAt).Take(Math.Min(maxResults, 100)).Select(HistoryJson).ToArray();
        return new JsonObject
        {
            ["self"] = Api.BaseUrl + "/rest/api/3/issue/" + key + "/changelog?maxResults=" + maxResults + "&startAt=" + startAt,
            ["maxResults"] = Math.Min(maxResults, 100), ["startAt"] = startAt, ["total"] = issue.Histories.Count,
            ["isLast"] = startAt + values.Length >= issue.Histories.Count, ["values"] = new JsonArray(values),
        };
    }

    private JsonNode HistoryJson(FakeHistory h) => new JsonObject
    {
        ["id"] = h.Id.ToString(CultureInfo.InvariantCulture),
        ["author"] = User(h.Author),
        ["created"] = JiraInstant(h.At),
        ["items"] = new JsonArray(h.Items.Select(it => (JsonNode)new JsonObject
        {
            ["field"] = it.Field, ["fieldtype"] = it.FieldType, ["fieldId"] = it.FieldId,
            ["from"] = it.From, ["fromString"] = it.FromText, ["to"] = it.To, ["toString"] = it.ToText,
        }).ToArray()),
    };

    private JsonObject User(string name) => new()
    {
        ["self"] = Api.BaseUrl + "/rest/api/3/user?accountId=acc-" + name, ["accountId"] = "acc-" + name, ["accountType"] = "atlassian",
        ["emailAddress"] = name.ToLowerInvariant().Replace(' ', '.') + "@example.com", ["displayName"] = name, ["active"] = true, ["timeZone"] = UserZone.Id,
    };

    private JsonObject GroupPage(int startAt, int maxResults)
    {
        var page = Groups.Skip(startAt).Take(maxResults).ToList();
        return new JsonObject
        {
            ["self"] = Api.BaseUrl + "/rest/api/3/group/bulk", ["maxResults"] = maxResults, ["startAt"] = startAt, ["total"] = Groups.Count,
            ["isLast"] = startAt + page.Count >= Groups.Count,
            ["values"] = new JsonArray(page.Select(g => (JsonNode)new JsonObject { ["name"] = g.Name, ["groupId"] = g.Id }).ToArray()),
        };
    }

    private JsonObject MemberPage(string groupId, int startAt, int maxResults)
    {
        var members = Groups.Single(g => g.Id == groupId).Members;
        var page = members.Skip(startAt).Take(maxResults).ToList();
        return new JsonObject
        {
            ["self"] = Api.BaseUrl + "/rest/api/3/group/member?groupId=" + groupId, ["maxResults"] = maxResults, ["startAt"] = startAt, ["total"] = members.Count,
            ["isLast"] = startAt + page.Count >= members.Count,
            ["values"] = new JsonArray(page.Select(m =>
            {
                var user = User(m.Name);
                user["accountType"] = m.AccountType;
                user["active"] = m.Active;
                return (JsonNode)user;
            }).ToArray()),
        };
    }

    /// <summary>Jira's instant layout: the API user's offset, without a colon ("2026-01-15T09:05:12.345+0100").</summary>
    public string JiraInstant(DateTimeOffset utc)
    {
        var local = TimeZoneInfo.ConvertTime(utc, UserZone);
        return local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + local.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);
    }

    private static int Int(Microsoft.Extensions.Primitives.StringValues value, int fallback) =>
        int.TryParse(value.ToString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : fallback;

    [GeneratedRegex("^updated >= \"(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2})\"")]
    private static partial Regex UpdatedSince();

    [GeneratedRegex("^/rest/api/3/issue/([^/]+)/changelog$")]
    private static partial Regex ChangelogPath();

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}

internal sealed class FakeIssue
{
    public int Id { get; init; }
    public required string Key { get; init; }
    public string Summary { get; set; } = string.Empty;
    public string IssueType { get; set; } = "[System] Service request";
    public string Status { get; set; } = "Waiting for support";
    public string StatusCategory { get; set; } = "new";
    public string Priority { get; set; } = "Medium";
    public string? Assignee { get; set; }
    public string? Team { get; set; }
    public List<string> Components { get; set; } = [];
    public string? RequestType { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset Updated { get; set; }
    public DateTimeOffset? ResolutionDate { get; set; }
    public string? Resolution { get; set; }
    public DateOnly? DueDate { get; set; }
    public int? TimeSpentSeconds { get; set; }

    /// <summary>The "Time to resolution" SLA value as JSM gives it, or null.</summary>
    public JsonObject? Sla { get; set; }

    public List<FakeHistory> Histories { get; } = [];
}

internal sealed record FakeHistory(long Id, DateTimeOffset At, string Author, IReadOnlyList<FakeItem> Items);

internal sealed record FakeItem(string Field, string FieldType, string FieldId, string? From, string? FromText, string? To, string? ToText);

internal sealed record FakeGroup(string Name, string Id, List<FakeMember> Members);

internal sealed record FakeMember(string Name, string AccountType = "atlassian", bool Active = true);
