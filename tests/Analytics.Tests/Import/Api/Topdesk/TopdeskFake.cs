using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analytics.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Analytics.Tests.Import.Api.Topdesk;

/// <summary>
/// A TOPdesk on loopback serving the REST API's documented shapes from an in-memory truth the test changes
/// between (or during) syncs: GET /tas/api/incidents (FIQL modificationDate=ge=, sort, pageStart/pageSize,
/// 206 while more follow, 200 for the last page, 204 when nothing matches; all=true for partials and archived
/// ones), GET /tas/api/operatorChanges ({"results": [...]}; 404 when not licensed), and the supporting files
/// the roster comes from (operatorgroups, operators with start/page_size, a group's operators).
/// Dates are written in TOPdesk's default layout, 2026-11-23T07:00:00.000+0000.
/// </summary>
public sealed class TopdeskFake : IAsyncDisposable
{
    private readonly object _gate = new();

    private TopdeskFake()
    {
    }

    public LoopbackApi Api { get; private set; } = null!;

    public string BaseUrl => Api.BaseUrl;

    public List<FakeIncident> Incidents { get; } = [];

    public List<FakeChange> Changes { get; } = [];

    /// <summary>False: operatorChanges answers 404, as in a TOPdesk without Change Management.</summary>
    public bool ChangesLicensed { get; set; } = true;

    public List<FakeGroup> Groups { get; } = [];

    public List<FakeOperator> Operators { get; } = [];

    /// <summary>Raw incident JSON served as is, after the truth (a malformed record).</summary>
    public List<string> RawIncidents { get; } = [];

    /// <summary>
    /// Runs after each incidents page asked for with a modificationDate query is served, with the page's number
    /// (1 for the first): a change while the sync pages.
    /// </summary>
    public Action<int>? AfterIncidentPage { get; set; }

    public int IncidentPagesServed { get; private set; }

    public static async Task<TopdeskFake> StartAsync()
    {
        var fake = new TopdeskFake();
        fake.Api = await LoopbackApi.StartAsync(fake.HandleAsync);
        return fake;
    }

    public static string Date(DateTimeOffset at) => TopdeskRecords.Date(at);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var q = context.Request.Query;
        if (path == "/tas/api/incidents")
        {
            await IncidentsAsync(context, q);
        }
        else if (path == "/tas/api/operatorChanges")
        {
            await ChangesAsync(context, q);
        }
        else if (path == "/tas/api/operatorgroups")
        {
            await SupportingFileAsync(context, q, Groups.Where(g => !g.Archived).Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["groupName"] = g.Name, ["status"] = "operatorGroup" }).ToList());
        }
        else if (path == "/tas/api/operators")
        {
            await SupportingFileAsync(context, q, Operators.Where(o => !o.Archived).Select(o => (JsonNode)new JsonObject
            {
                ["id"] = o.Id, ["status"] = "operator", ["surName"] = o.Name.Split(' ')[^1], ["dynamicName"] = o.Name,
                ["email"] = o.Name.Replace(' ', '.').ToLowerInvariant() + "@example.org", ["loginName"] = o.Name.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant(),
                ["firstLineCallOperator"] = true, ["secondLineCallOperator"] = true,
            }).ToList());
        }
        else if (path.StartsWith("/tas/api/operatorgroups/id/", StringComparison.Ordinal) && path.EndsWith("/operators", StringComparison.Ordinal))
        {
            var id = path["/tas/api/operatorgroups/id/".Length..^"/operators".Length];
            var members = Operators.Where(o => o.Groups.Contains(id)).Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["name"] = o.Name }).ToList();
            await WriteAsync(context, 200, new JsonArray([.. members]));
        }
        else
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"errors":[{"errorCode":"not_found","errorMessage":"Not found"}]}""");
        }
    }

    private async Task IncidentsAsync(HttpContext context, IQueryCollection q)
    {
        List<JsonNode> page;
        bool more;
        var since = Since(q["query"].ToString());
        lock (_gate)
        {
            var all = string.Equals(q["all"], "true", StringComparison.OrdinalIgnoreCase);
            // Serialised after paging: a large truth costs the fake only the page it serves.
            var matching = Incidents
                .Where(i => all || i.Status is "firstLine" or "secondLine")
                .Where(i => since is null || i.Modified >= since)
                .OrderBy(i => i.Modified).ThenBy(i => i.Id, StringComparer.Ordinal)
                .Select(i => (Func<JsonNode>)i.ToJson)
                .Concat(RawIncidents.Select(r => (Func<JsonNode>)(() => JsonNode.Parse(r)!)))
                .ToList();
            var (lazy, hasMore) = Page(matching, q["pageStart"], q["pageSize"], 10);
            (page, more) = ([.. lazy.Select(make => make())], hasMore);
            if (since is not null)
            {
                IncidentPagesServed++;
            }
        }

        await WriteListAsync(context, page, more);
        if (since is not null)
        {
            AfterIncidentPage?.Invoke(IncidentPagesServed);
        }
    }

    private async Task ChangesAsync(HttpContext context, IQueryCollection q)
    {
        if (!ChangesLicensed)
        {
            context.Response.StatusCode = 404;
            await context.Response.WriteAsync("""{"errors":[{"errorCode":"not_found","errorMessage":"Change Management is not available"}]}""");
            return;
        }

        List<JsonNode> page;
        bool more;
        lock (_gate)
        {
            var since = Since(q["query"].ToString());
            var matching = Changes.Where(c => since is null || c.Modified >= since).OrderBy(c => c.Created).Select(c => c.ToJson()).ToList();
            (page, more) = Page(matching, q["pageStart"], q["pageSize"], 1000);
        }

        if (page.Count == 0)
        {
            context.Response.StatusCode = 204;
            return;
        }

        await WriteAsync(context, more ? 206 : 200, new JsonObject { ["results"] = new JsonArray([.. page]) });
    }

    private static async Task SupportingFileAsync(HttpContext context, IQueryCollection q, List<JsonNode> all)
    {
        var (page, more) = Page(all, q["start"], q["page_size"], 10);
        await WriteListAsync(context, page, more);
    }

    private static (List<T> Page, bool More) Page<T>(List<T> all, string? start, string? size, int defaultSize)
    {
        var from = int.TryParse(start, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var count = int.TryParse(size, CultureInfo.InvariantCulture, out var n) ? n : defaultSize;
        var page = all.Skip(from).Take(count).ToList();
        return (page, from + page.Count < all.Count);
    }

    /// <summary>206 Partial Content while more follow, 200 on the last page, 204 with no body when nothing matched.</summary>
    private static Task WriteListAsync(HttpContext context, List<JsonNode> page, bool more)
    {
        if (page.Count == 0)
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        }

        return WriteAsync(context, more ? 206 : 200, new JsonArray([.. page.Select(p => p.DeepClone())]));
    }

    private static async Task WriteAsync(HttpContext context, int status, JsonNode body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    /// <summary>The instant of a "modificationDate=ge=..." condition, as TOPdesk reads it (ISO 8601, Z or an offset).</summary>
    private static DateTimeOffset? Since(string query)
    {
        const string Condition = "modificationDate=ge=";
        var at = query.IndexOf(Condition, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var value = query[(at + Condition.Length)..].Split(';', ',', ')')[0];
        return DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.None);
    }

    public ValueTask DisposeAsync() => Api.DisposeAsync();
}
