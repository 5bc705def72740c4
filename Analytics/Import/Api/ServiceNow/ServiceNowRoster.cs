using Analytics.Import.Sources;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>
/// The roster as ServiceNow knows it: every active group (sys_user_group) with its manager's e-mail, and
/// every active user in an active group (sys_user_grmember) with the group and the user's own manager's
/// e-mail, in the columns of the roster's teams and agents files. A user in several groups is listed once,
/// in the first of them by name: the roster keys agents by name, and one team per agent is what it holds.
/// </summary>
internal static class ServiceNowRoster
{
    public static async Task<IReadOnlyList<ApiRosterTable>> ReadAsync(ApiClient client, int pageSize, CancellationToken cancellationToken)
    {
        var groups = await ReadAllAsync(client, "sys_user_group", "active=true^ORDERBYsys_id", "sys_id,name,manager.email", pageSize, cancellationToken);
        var teams = groups
            .Select(g => (Name: g.Value("name"), Manager: g.Value("manager.email")))
            .Where(g => g.Name is not null)
            .DistinctBy(g => g.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[g.Name!, g.Manager ?? string.Empty])
            .ToList();

        var members = await ReadAllAsync(client, "sys_user_grmember", "group.active=true^user.active=true^ORDERBYsys_id", "sys_id,group.name,user.name,user.manager.email", pageSize, cancellationToken);
        var agents = members
            .Select(m => (Team: m.Value("group.name"), Agent: m.Value("user.name"), Manager: m.Value("user.manager.email")))
            .Where(m => m.Team is not null && m.Agent is not null)
            .OrderBy(m => m.Agent, StringComparer.Ordinal).ThenBy(m => m.Team, StringComparer.Ordinal)
            .DistinctBy(m => m.Agent, StringComparer.Ordinal)
            .Select(m => (IReadOnlyList<string>)[m.Agent!, m.Team!, m.Manager ?? string.Empty])
            .ToList();

        return
        [
            new ApiRosterTable(["Team", "Manager e-mails"], teams),
            new ApiRosterTable(["Agent", "Team", "Manager e-mail"], agents),
        ];
    }

    private static async Task<List<ServiceNowRecord>> ReadAllAsync(ApiClient client, string table, string query, string fields, int pageSize, CancellationToken cancellationToken)
    {
        var records = new List<ServiceNowRecord>();
        for (var offset = 0; ; offset += pageSize)
        {
            var json = await client.GetJsonAsync(ServiceNowQuery.All(table, query, fields, pageSize, offset), cancellationToken);
            var page = ServiceNowResult.Records(json).Select(e => new ServiceNowRecord(e.Clone())).ToList();
            json?.Dispose();
            records.AddRange(page);
            if (page.Count < pageSize)
            {
                return records;
            }

            if (offset > 1_000_000)
            {
                throw new SourceQueryException($"{table} keeps answering full pages past a million rows; is sysparm_offset honoured?");
            }
        }
    }
}
