using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Microsoft.AspNetCore.Http;

namespace Analytics.Tests.Import.Api.ServiceNow;

/// <summary>
/// A ServiceNow instance on loopback serving the Table API (GET /api/now/table/{table}) from an in-memory
/// truth the test changes between syncs. Shapes as documented: {"result":[...]}, every field a string ("" when
/// empty), with sysparm_display_value=all an object {"display_value","value"} (plus "link" on references unless
/// sysparm_exclude_reference_link=true), X-Total-Count unless sysparm_no_count=true, and a Link header with
/// first/prev/next/last. Encoded queries: conditions joined by ^ (=, !=, &gt;, &gt;=, &lt;, &lt;=, IN, dot-walked
/// fields) and ORDERBY/ORDERBYDESC; a condition on a field the table lacks is ignored, as ServiceNow does. A date
/// written as text is UTC; javascript:gs.dateGenerate('date','time') is read in the API user's time zone.
/// Updates write sys_audit rows (sys_ids and codes, record_checkpoint = the record's sys_mod_count) and, for the
/// test's expectations, a history in names.
/// </summary>
public sealed partial class FakeServiceNow : IAsyncDisposable
{
    private static readonly HashSet<string> TicketTables = ["incident", "sc_req_item", "change_request", "problem", "sc_task"];
    private static readonly Dictionary<string, string> References = new(StringComparer.Ordinal)
    {
        ["assignment_group"] = "sys_user_group", ["assigned_to"] = "sys_user", ["resolved_by"] = "sys_user", ["manager"] = "sys_user",
        ["group"] = "sys_user_group", ["user"] = "sys_user", ["problem_id"] = "problem", ["caused_by"] = "change_request",
    };

    private readonly Dictionary<string, List<Dictionary<string, Cell>>> _tables = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Table, Dictionary<string, Cell> Row)> _bySysId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sysIdByNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, DateTimeOffset, TicketEventKind), int> _sequences = [];
    private int _nextId;

    private FakeServiceNow(LoopbackApi api) => Api = api;

    public LoopbackApi Api { get; }

    public string BaseUrl => Api.BaseUrl;

    /// <summary>The API user's time zone: what gs.dateGenerate's arguments are read in.</summary>
    public TimeZoneInfo UserZone { get; set; } = TimeZoneInfo.Utc;

    /// <summary>Called before a request on the task table is answered, with how many were answered before.</summary>
    public Action<int>? BeforeTaskPage { get; set; }

    /// <summary>The changes as the tickets spell them (names, labels): what the synced events must equal.</summary>
    public List<TicketEvent> History { get; } = [];

    /// <summary>Time spent answering, so a measurement can tell the fake's share from the connector's and the store's.</summary>
    public TimeSpan ServeTime { get; private set; }

    /// <summary>Requests answered per table.</summary>
    public Dictionary<string, int> RequestsPerTable { get; } = new(StringComparer.Ordinal);

    public static async Task<FakeServiceNow> StartAsync()
    {
        FakeServiceNow? fake = null;
        var api = await LoopbackApi.StartAsync(context => fake!.ServeAsync(context));
        fake = new FakeServiceNow(api);
        return fake;
    }

    public string User(string name, string? email = null, string? manager = null, bool active = true) =>
        Insert("sys_user", new() { ["name"] = name, ["user_name"] = name.ToLowerInvariant().Replace(' ', '.'), ["email"] = email, ["manager"] = manager, ["active"] = Bool(active) });

    public string Group(string name, string? manager = null, bool active = true) =>
        Insert("sys_user_group", new() { ["name"] = name, ["manager"] = manager, ["active"] = Bool(active) });

    public void Member(string group, string user) => Insert("sys_user_grmember", new() { ["group"] = group, ["user"] = user });

    public void Rename(string table, string sysId, string name)
    {
        lock (_gate)
        {
            Row(table, sysId)["name"] = new Cell(name);
        }
    }

    /// <summary>Opens a ticket; <paramref name="fields"/> are stored values (codes, sys_ids, UTC times), or "value|display".</summary>
    public string Open(string table, string number, DateTimeOffset at, string by, Dictionary<string, string?> fields)
    {
        lock (_gate)
        {
            var values = new Dictionary<string, string?>(fields)
            {
                ["number"] = number,
                ["sys_class_name"] = table,
                ["opened_at"] = fields.TryGetValue("opened_at", out var o) ? o : Text(at),
                ["sys_created_on"] = Text(at),
                ["sys_updated_on"] = Text(at),
                ["sys_updated_by"] = by,
                ["sys_mod_count"] = "0",
                ["active"] = fields.TryGetValue("active", out var a) ? a : "true",
            };
            var id = Insert(table, []);
            _sysIdByNumber[number] = id;
            Apply(table, id, at, by, values, checkpoint: 0);
            return id;
        }
    }

    /// <summary>Updates a ticket at <paramref name="at"/>: sys_updated_on moves, sys_mod_count counts, audited fields are audited.</summary>
    public void Update(string number, DateTimeOffset at, string by, Dictionary<string, string?> fields)
    {
        lock (_gate)
        {
            var (table, row) = Ticket(number);
            var checkpoint = int.Parse(row["sys_mod_count"].Value!, CultureInfo.InvariantCulture) + 1;
            var values = new Dictionary<string, string?>(fields)
            {
                ["sys_updated_on"] = Text(at),
                ["sys_updated_by"] = by,
                ["sys_mod_count"] = checkpoint.ToString(CultureInfo.InvariantCulture),
            };
            Apply(table, row["sys_id"].Value!, at, by, values, checkpoint);
        }
    }

    /// <summary>Writes a raw value into a ticket without audit or update time: damage, as a broken integration leaves it.</summary>
    public void Damage(string number, string field, string value)
    {
        lock (_gate)
        {
            Ticket(number).Row[field] = new Cell(value);
        }
    }

    public void Delete(string number)
    {
        lock (_gate)
        {
            var (table, row) = Ticket(number);
            _tables[table].Remove(row);
            _bySysId.Remove(row["sys_id"].Value!);
            _sysIdByNumber.Remove(number);
        }
    }

    /// <summary>The tickets as they stand, for expectations: number, table, and each field's stored value and display value.</summary>
    public IReadOnlyList<TruthTicket> Tickets()
    {
        lock (_gate)
        {
            return [.. _tables.Where(t => TicketTables.Contains(t.Key)).SelectMany(t => t.Value.Select(r =>
            {
                var copy = new Dictionary<string, Cell>(r);
                return new TruthTicket(
                    copy["number"].Value!,
                    t.Key,
                    f => copy.TryGetValue(f, out var c) && !string.IsNullOrEmpty(c.Value) ? c.Value : null,
                    f => copy.TryGetValue(f, out var c) ? c.Display ?? c.Value : null);
            }))];
        }
    }

    /// <summary>The active groups' names, and each active member of an active group with the group's name.</summary>
    public (IReadOnlyList<string> Teams, IReadOnlyList<(string Agent, string Team)> Members) Roster()
    {
        lock (_gate)
        {
            var groups = _tables["sys_user_group"].Where(g => g["active"].Value == "true").ToList();
            var members = _tables["sys_user_grmember"]
                .Select(m => (Group: Find("sys_user_group", m["group"].Value!)!, User: Find("sys_user", m["user"].Value!)!))
                .Where(m => m.Group["active"].Value == "true" && m.User["active"].Value == "true")
                .Select(m => (m.User["name"].Value!, m.Group["name"].Value!))
                .ToList();
            return ([.. groups.Select(g => g["name"].Value!)], members);
        }
    }

    /// <summary>The display name of a user or group, as the tickets show it.</summary>
    public string? NameOf(string table, string? sysId)
    {
        lock (_gate)
        {
            return sysId is not null && Find(table, sysId) is { } row && row.TryGetValue("name", out var name) ? name.Value : null;
        }
    }

    public static string Text(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public ValueTask DisposeAsync() => Api.DisposeAsync();

    private static string Bool(bool b) => b ? "true" : "false";

    private void Apply(string table, string sysId, DateTimeOffset at, string by, Dictionary<string, string?> values, int checkpoint)
    {
        var row = Row(table, sysId);
        var changes = new List<(string Field, string? Old, string? Value, string? Display)>();
        foreach (var (field, raw) in values)
        {
            var (value, display) = raw is not null && raw.Contains('|', StringComparison.Ordinal) ? (raw[..raw.IndexOf('|', StringComparison.Ordinal)], raw[(raw.IndexOf('|', StringComparison.Ordinal) + 1)..]) : (raw, null);
            changes.Add((field, row.TryGetValue(field, out var c) ? c.Value : null, value, display));
            row[field] = new Cell(value, display);
        }

        // Group, then person, then state: the order ServiceNow's business rules audit them in one update.
        foreach (var (field, old, value, display) in changes.OrderBy(c => c.Field switch { "assignment_group" => 0, "assigned_to" => 1, _ => 2 }))
        {
            if (field is not ("assignment_group" or "assigned_to" or "state") || old == value)
            {
                continue;
            }

            Insert("sys_audit", new()
            {
                ["tablename"] = table, ["documentkey"] = sysId, ["fieldname"] = field, ["oldvalue"] = old ?? string.Empty,
                ["newvalue"] = value ?? string.Empty, ["user"] = by, ["sys_created_on"] = Text(at),
                ["record_checkpoint"] = checkpoint.ToString(CultureInfo.InvariantCulture),
            });
            if (value is null)
            {
                continue;
            }

            var (kind, from, to) = field switch
            {
                "assignment_group" => (TicketEventKind.TeamAssignment, NameOf("sys_user_group", old), NameOf("sys_user_group", value)),
                "assigned_to" => (TicketEventKind.Assignment, NameOf("sys_user", old), NameOf("sys_user", value)),
                _ => (TicketEventKind.Status, old is null ? null : StateLabel(table, old, row), display ?? StateLabel(table, value, row)),
            };
            var number = row["number"].Value!;
            var sequence = _sequences.GetValueOrDefault((number, at, kind));
            _sequences[(number, at, kind)] = sequence + 1;
            History.Add(new TicketEvent { Source = string.Empty, TicketId = number, OccurredAt = at, Kind = kind, FromValue = from, ToValue = to, Actor = by, Sequence = sequence });
        }
    }

    private static string StateLabel(string table, string code, Dictionary<string, Cell> row) =>
        (table, code) switch
        {
            ("incident", "1") => "New", ("incident", "2") => "In Progress", ("incident", "3") => "On Hold", ("incident", "6") => "Resolved",
            ("incident", "7") => "Closed", ("incident", "8") => "Canceled",
            ("sc_req_item", "1") => "Open", ("sc_req_item", "2") => "Work in Progress", ("sc_req_item", "3") => "Closed Complete",
            ("change_request", "-5") => "New", ("change_request", "-1") => "Implement", ("change_request", "3") => "Closed",
            ("problem", "101") => "New", ("problem", "104") => "Fix in Progress", ("problem", "107") => "Closed",
            _ => row.TryGetValue("state", out var c) && c.Value == code && c.Display is not null ? c.Display : code,
        };

    private string Insert(string table, Dictionary<string, string?> values)
    {
        lock (_gate)
        {
            var id = (++_nextId).ToString("x32", CultureInfo.InvariantCulture);
            var row = new Dictionary<string, Cell>(StringComparer.Ordinal) { ["sys_id"] = new Cell(id) };
            foreach (var (k, v) in values)
            {
                row[k] = new Cell(v);
            }

            if (!_tables.TryGetValue(table, out var rows))
            {
                _tables[table] = rows = [];
            }

            rows.Add(row);
            _bySysId[id] = (table, row);
            return id;
        }
    }

    private Dictionary<string, Cell> Row(string table, string sysId) => Find(table, sysId) ?? throw new InvalidOperationException($"no {table} {sysId}");

    private Dictionary<string, Cell>? Find(string table, string sysId) =>
        _bySysId.TryGetValue(sysId, out var found) && found.Table == table ? found.Row : null;

    private (string Table, Dictionary<string, Cell> Row) Ticket(string number) => _bySysId[_sysIdByNumber[number]];

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        const string prefix = "/api/now/table/";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            context.Response.StatusCode = 400;
            await context.Response.WriteAsync("""{"error":{"message":"Requested URI does not represent any resource","detail":null},"status":"failure"}""");
            return;
        }

        var table = path[prefix.Length..];
        var q = context.Request.Query;
        string body;
        lock (_gate)
        {
            RequestsPerTable[table] = RequestsPerTable.GetValueOrDefault(table) + 1;
        }

        if (table == "task")
        {
            BeforeTaskPage?.Invoke(RequestsPerTable[table] - 1);
        }

        var serving = System.Diagnostics.Stopwatch.StartNew();
        lock (_gate)
        {
            if (!_tables.ContainsKey(table) && table != "task")
            {
                context.Response.StatusCode = 400;
                body = """{"error":{"message":"Invalid table PLACEHOLDER","detail":null},"status":"failure"}""".Replace("PLACEHOLDER", table, StringComparison.Ordinal);
            }
            else
            {
                var rows = Query(table, q["sysparm_query"].ToString());
                var total = rows.Count;
                var limit = int.TryParse(q["sysparm_limit"], CultureInfo.InvariantCulture, out var l) ? Math.Min(l, 10_000) : 10_000;
                var offset = int.TryParse(q["sysparm_offset"], CultureInfo.InvariantCulture, out var o) ? o : 0;
                var page = rows.Skip(offset).Take(limit).ToList();
                var fields = q["sysparm_fields"].ToString();
                var display = q["sysparm_display_value"].ToString();
                var noLinks = string.Equals(q["sysparm_exclude_reference_link"], "true", StringComparison.OrdinalIgnoreCase);
                body = Json(page, string.IsNullOrEmpty(fields) ? null : fields.Split(','), display, noLinks);
                if (!string.Equals(q["sysparm_no_count"], "true", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Headers["X-Total-Count"] = total.ToString(CultureInfo.InvariantCulture);
                }

                context.Response.Headers.Link = LinkHeader(context, limit, offset, total);
            }

            ServeTime += serving.Elapsed;
        }

        context.Response.ContentType = "application/json;charset=UTF-8";
        await context.Response.WriteAsync(body);
    }

    private static string LinkHeader(HttpContext context, int limit, int offset, int total)
    {
        string Link(int at, string rel)
        {
            var query = QueryString.Create(context.Request.Query.Where(p => p.Key != "sysparm_offset").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
                .Append(new("sysparm_offset", at.ToString(CultureInfo.InvariantCulture))));
            return $"<{context.Request.Scheme}://{context.Request.Host}{context.Request.Path}{query}>;rel=\"{rel}\"";
        }

        var links = new List<string> { Link(0, "first") };
        if (offset > 0)
        {
            links.Add(Link(Math.Max(0, offset - limit), "prev"));
        }

        if (offset + limit < total)
        {
            links.Add(Link(offset + limit, "next"));
        }

        links.Add(Link(total == 0 ? 0 : (total - 1) / limit * limit, "last"));
        return string.Join(',', links);
    }

    private List<Dictionary<string, Cell>> Query(string table, string encoded)
    {
        IEnumerable<Dictionary<string, Cell>> rows = table == "task"
            ? _tables.Where(t => TicketTables.Contains(t.Key)).SelectMany(t => t.Value)
            : _tables[table];
        var order = new List<(string Field, bool Descending)>();
        foreach (var part in encoded.Split('^', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("ORDERBYDESC", StringComparison.Ordinal))
            {
                order.Add((part[11..], true));
                continue;
            }

            if (part.StartsWith("ORDERBY", StringComparison.Ordinal))
            {
                order.Add((part[7..], false));
                continue;
            }

            var m = ConditionPattern().Match(part);
            if (!m.Success)
            {
                continue;
            }

            var (field, op, operand) = (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value);
            var list = rows.ToList();
            if (list.Count > 0 && !list.Any(r => HasField(r, field)) && !field.Contains('.', StringComparison.Ordinal))
            {
                continue; // ServiceNow ignores a condition on a field the table does not have.
            }

            operand = DateOperand(operand);
            if (op is "IN" or "NOT IN")
            {
                var set = operand.Split(',').ToHashSet(StringComparer.Ordinal);
                var keep = op == "IN";
                rows = list.Where(r => set.Contains(Get(r, field) ?? string.Empty) == keep);
                continue;
            }

            rows = list.Where(r => Matches(Get(r, field), op, operand));
        }

        var result = rows.ToList();
        IOrderedEnumerable<Dictionary<string, Cell>>? sorted = null;
        foreach (var (field, descending) in order)
        {
            Func<Dictionary<string, Cell>, string> key = r => Get(r, field) ?? string.Empty;
            sorted = sorted is null
                ? (descending ? result.OrderByDescending(key, StringComparer.Ordinal) : result.OrderBy(key, StringComparer.Ordinal))
                : (descending ? sorted.ThenByDescending(key, StringComparer.Ordinal) : sorted.ThenBy(key, StringComparer.Ordinal));
        }

        return sorted?.ToList() ?? result;
    }

    private static bool HasField(Dictionary<string, Cell> row, string field) =>
        row.ContainsKey(field) || field is "sys_class_name" || TicketTables.Contains(row.GetValueOrDefault("sys_class_name")?.Value ?? string.Empty);

    private string DateOperand(string operand)
    {
        var m = DateGeneratePattern().Match(operand);
        if (!m.Success)
        {
            return operand;
        }

        var local = DateTime.ParseExact(m.Groups[1].Value + " " + m.Groups[2].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        return Text(new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, UserZone), TimeSpan.Zero));
    }

    private static bool Matches(string? value, string op, string operand)
    {
        var v = value ?? string.Empty;
        return op switch
        {
            "=" => v == operand,
            "!=" => v != operand,
            ">=" => string.CompareOrdinal(v, operand) >= 0 && v.Length > 0,
            ">" => string.CompareOrdinal(v, operand) > 0,
            "<=" => string.CompareOrdinal(v, operand) <= 0 && v.Length > 0,
            "<" => string.CompareOrdinal(v, operand) < 0 && v.Length > 0,
            _ => true,
        };
    }

    /// <summary>A field's stored value, dot-walking references ("manager.email", "group.active").</summary>
    private string? Get(Dictionary<string, Cell> row, string field)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return row.TryGetValue(field, out var c) ? c.Value : null;
        }

        var head = field[..dot];
        return References.TryGetValue(head, out var target) && row.TryGetValue(head, out var r) && r.Value is { } id && Find(target, id) is { } referenced
            ? Get(referenced, field[(dot + 1)..])
            : null;
    }

    private string Json(List<Dictionary<string, Cell>> rows, string[]? fields, string display, bool noLinks)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("result");
            foreach (var row in rows)
            {
                w.WriteStartObject();
                foreach (var field in fields ?? [.. row.Keys])
                {
                    var value = Get(row, field) ?? string.Empty;
                    var isReference = References.TryGetValue(field, out var target);
                    var shown = isReference ? NameOf(target!, Get(row, field)) ?? (target is "problem" or "change_request" ? NumberOf(target, value) : null) : row.GetValueOrDefault(field)?.Display;
                    if (display == "all")
                    {
                        w.WriteStartObject(field);
                        w.WriteString("display_value", shown ?? value);
                        if (isReference && !noLinks && value.Length > 0)
                        {
                            w.WriteString("link", $"{BaseUrl}/api/now/table/{target}/{value}");
                        }

                        w.WriteString("value", value);
                        w.WriteEndObject();
                    }
                    else if (display == "true")
                    {
                        w.WriteString(field, shown ?? value);
                    }
                    else if (isReference && !noLinks && value.Length > 0)
                    {
                        w.WriteStartObject(field);
                        w.WriteString("link", $"{BaseUrl}/api/now/table/{target}/{value}");
                        w.WriteString("value", value);
                        w.WriteEndObject();
                    }
                    else
                    {
                        w.WriteString(field, value);
                    }
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private string? NumberOf(string table, string sysId) => Find(table, sysId)?["number"].Value;

    [GeneratedRegex(@"^([A-Za-z0-9_.]+?)(NOT IN|IN|!=|>=|<=|=|>|<)(.*)$")]
    private static partial Regex ConditionPattern();

    [GeneratedRegex(@"^javascript:gs\.dateGenerate\('(\d{4}-\d{2}-\d{2})','(\d{2}:\d{2}:\d{2})'\)$")]
    private static partial Regex DateGeneratePattern();

    private sealed record Cell(string? Value, string? Display = null);
}

/// <summary>A ticket of the fake's truth: a field's stored value (null when empty) and what the UI shows.</summary>
public sealed record TruthTicket(string Number, string Table, Func<string, string?> Value, Func<string, string?> Display);
