using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Tests.Import.Api.Topdesk;

namespace Worker.Tests.Support;

/// <summary>
/// A TOPdesk REST API on loopback (HttpListener: the worker's test folder must not carry ASP.NET Core, or the
/// worker processes these tests start would load its assemblies) serving incidents changed since a FIQL
/// modificationDate=ge= condition in modification order, page by page (206 while more follow, 200 last, 204
/// none), and the operator groups and operators the roster comes from. Records the Authorization headers.
/// </summary>
internal sealed class TopdeskStandIn : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;
    private int _refuse;

    public TopdeskStandIn()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseUrl = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}";
        }

        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string BaseUrl { get; }

    public ConcurrentQueue<FakeIncident> Incidents { get; } = new();

    public List<FakeGroup> Groups { get; } = [];

    public List<FakeOperator> Operators { get; } = [];

    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Answers the next request with 401, as TOPdesk does for a wrong application password.</summary>
    public void RefuseNext() => Interlocked.Exchange(ref _refuse, 1);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Authorizations.Enqueue(context.Request.Headers["Authorization"] ?? string.Empty);
            var (status, body) = Interlocked.Exchange(ref _refuse, 0) == 1
                ? (401, (JsonNode?)new JsonObject { ["message"] = "Invalid credentials" })
                : Answer(context.Request.Url!.AbsolutePath, context.Request.QueryString);
            context.Response.StatusCode = status;
            if (body is not null)
            {
                var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
                context.Response.ContentType = "application/json";
                await context.Response.OutputStream.WriteAsync(bytes);
            }

            context.Response.Close();
        }
    }

    private (int Status, JsonNode? Body) Answer(string path, System.Collections.Specialized.NameValueCollection q)
    {
        const string GroupOperators = "/tas/api/operatorgroups/id/";
        if (path == "/tas/api/incidents")
        {
            var since = Since(q["query"] ?? string.Empty);
            var matching = Incidents.Where(i => since is null || i.Modified >= since).OrderBy(i => i.Modified).ThenBy(i => i.Id, StringComparer.Ordinal).Select(i => i.ToJson()).ToList();
            return Page(matching, q["pageStart"], q["pageSize"]);
        }

        if (path == "/tas/api/operatorgroups")
        {
            return Page([.. Groups.Select(g => (JsonNode)new JsonObject { ["id"] = g.Id, ["groupName"] = g.Name, ["status"] = "operatorGroup" })], q["start"], q["page_size"]);
        }

        if (path == "/tas/api/operators")
        {
            return Page([.. Operators.Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["status"] = "operator", ["dynamicName"] = o.Name })], q["start"], q["page_size"]);
        }

        if (path.StartsWith(GroupOperators, StringComparison.Ordinal) && path.EndsWith("/operators", StringComparison.Ordinal))
        {
            var id = path[GroupOperators.Length..^"/operators".Length];
            return (200, new JsonArray([.. Operators.Where(o => o.Groups.Contains(id)).Select(o => (JsonNode)new JsonObject { ["id"] = o.Id, ["name"] = o.Name })]));
        }

        return (404, new JsonObject { ["message"] = "Not found" });
    }

    private static (int Status, JsonNode? Body) Page(List<JsonNode> all, string? start, string? size)
    {
        var from = int.TryParse(start, CultureInfo.InvariantCulture, out var s) ? s : 0;
        var count = int.TryParse(size, CultureInfo.InvariantCulture, out var n) ? n : 10;
        var page = all.Skip(from).Take(count).ToList();
        if (page.Count == 0)
        {
            return (204, null);
        }

        return (from + page.Count < all.Count ? 206 : 200, new JsonArray([.. page]));
    }

    private static DateTimeOffset? Since(string query)
    {
        const string Condition = "modificationDate=ge=";
        var at = query.IndexOf(Condition, StringComparison.Ordinal);
        return at < 0 ? null : DateTimeOffset.Parse(query[(at + Condition.Length)..].Split(';', ',', ')')[0], CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
