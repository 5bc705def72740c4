using System.Text.Json;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>
/// The names behind sys_ids for one run: the audit trail stores the sys_id of a group or user, the tickets
/// store its name. Names seen in the records' display values are learnt for free; the rest are asked for in
/// one request per hundred unknown ids (sys_user, sys_user_group), never one per ticket. An id whose record
/// is gone (a deleted user) keeps its sys_id, so the history still shows a change happened.
/// </summary>
internal sealed class ServiceNowNames(ApiClient client)
{
    private readonly Dictionary<string, string> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Code), string> _states = [];

    /// <summary>Learns the group, user and state names a record shows beside their stored values.</summary>
    public void Learn(string table, ServiceNowRecord record)
    {
        Learn(_groups, record, "assignment_group");
        Learn(_users, record, "assigned_to");
        Learn(_users, record, "resolved_by");
        if (record.Value("state") is { } code && ServiceNowTicketMapper.StateLabel(table, record) is { } label)
        {
            _states[(table, code)] = label;
        }
    }

    /// <summary>Looks up, in batches, the groups and users of <paramref name="rows"/> not known yet.</summary>
    public async Task ResolveAsync(IEnumerable<AuditRow> rows, CancellationToken cancellationToken)
    {
        var groups = new HashSet<string>(StringComparer.Ordinal);
        var users = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var wanted = row.Field switch
            {
                "assignment_group" => (groups, _groups),
                "assigned_to" => (users, _users),
                _ => default,
            };
            if (wanted.Item1 is null)
            {
                continue;
            }

            foreach (var id in new[] { row.OldValue, row.NewValue })
            {
                if (id is not null && !wanted.Item2.ContainsKey(id))
                {
                    wanted.Item1.Add(id);
                }
            }
        }

        await LookUpAsync("sys_user_group", groups, _groups, cancellationToken);
        await LookUpAsync("sys_user", users, _users, cancellationToken);
    }

    /// <summary>An audited value as the tickets spell it: the group's or user's name, the state's label.</summary>
    public string? Name(string table, string field, string? stored)
    {
        if (stored is null)
        {
            return null;
        }

        return field switch
        {
            "assignment_group" => _groups.GetValueOrDefault(stored, stored),
            "assigned_to" => _users.GetValueOrDefault(stored, stored),
            "state" => _states.GetValueOrDefault((table, stored)) ?? ServiceNowTables.StateLabel(table, stored) ?? stored,
            _ => stored,
        };
    }

    private static void Learn(Dictionary<string, string> names, ServiceNowRecord record, string field)
    {
        if (record.Value(field) is { } id && record.Display(field) is { } name && name != id)
        {
            names[id] = name;
        }
    }

    private async Task LookUpAsync(string table, HashSet<string> ids, Dictionary<string, string> names, CancellationToken cancellationToken)
    {
        foreach (var chunk in ids.Where(IsSysId).Chunk(ServiceNowQuery.IdsPerRequest))
        {
            using var json = await client.GetJsonAsync(ServiceNowQuery.Names(table, chunk, chunk.Length), cancellationToken);
            foreach (var element in ServiceNowResult.Records(json))
            {
                var record = new ServiceNowRecord(element);
                if (record.Value("sys_id") is { } id && record.Value("name") is { } name)
                {
                    names[id] = name;
                }
            }

            // Asked once per run: a deleted user is not asked for again on every page.
            foreach (var id in chunk)
            {
                names.TryAdd(id, id);
            }
        }
    }

    /// <summary>A sys_id is 32 hex digits; anything else in the history (a name, an import's text) is shown as it is.</summary>
    private static bool IsSysId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigit);
}

/// <summary>The "result" array of a Table API answer.</summary>
internal static class ServiceNowResult
{
    public static IEnumerable<JsonElement> Records(JsonDocument? json)
    {
        if (json is null || json.RootElement.ValueKind != JsonValueKind.Object || !json.RootElement.TryGetProperty("result", out var result))
        {
            return [];
        }

        return result.ValueKind switch
        {
            JsonValueKind.Array => result.EnumerateArray().ToList(),
            JsonValueKind.Object => [result],
            _ => [],
        };
    }
}
