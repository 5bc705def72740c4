using System.Globalization;
using Analytics.Import.Sources;
using Microsoft.Extensions.Logging;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// The roster from Jira's groups: every group that is not one of Atlassian's own (jira-*, site-admins, ...)
/// is a team, and its active human members (accountType "atlassian") are its agents. An agent in several
/// such groups is put in the first by name: a roster file has one team per agent.
/// </summary>
internal static class JiraRoster
{
    private const int PageSize = 50;

    /// <summary>Prefixes of the groups Atlassian creates for product access and administration: not teams.</summary>
    private static readonly string[] AccessGroupPrefixes =
    [
        "jira-", "confluence-", "atlassian-", "site-admins", "administrators", "system-administrators", "trusted-users",
        "org-admins", "user-access-admins", "product-admins", "bitbucket-", "statuspage-", "opsgenie-", "compass-",
    ];

    public static async Task<IReadOnlyList<ApiRosterTable>> ReadAsync(ApiReadRequest request, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            var groups = await GroupsAsync(request.Client, cancellationToken);
            var teamOf = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, id) in groups.OrderBy(g => g.Name, StringComparer.Ordinal))
            {
                foreach (var member in await MembersAsync(request.Client, id, cancellationToken))
                {
                    teamOf.TryAdd(member, name);
                }
            }

            var teams = new ApiRosterTable(["Team"], groups.Select(g => (IReadOnlyList<string>)[g.Name]).ToList());
            var agents = new ApiRosterTable(["Name", "Team"], teamOf.Select(a => (IReadOnlyList<string>)[a.Key, a.Value]).ToList());
            return [teams, agents];
        }
        catch (SourceQueryException ex) when (ex.Message.Contains("(403)", StringComparison.Ordinal))
        {
            // Reading users and groups takes a global permission many sites keep from API users: no roster, not a failed sync.
            JiraLog.NoRoster(logger, request.Source.Name, ex.Message);
            return [];
        }
    }

    /// <summary>GET /rest/api/3/group/bulk, page by page: {"isLast", "values": [{"name", "groupId"}]}.</summary>
    private static async Task<List<(string Name, string Id)>> GroupsAsync(ApiClient client, CancellationToken cancellationToken)
    {
        var groups = new List<(string, string)>();
        for (var startAt = 0; ; startAt += PageSize)
        {
            using var json = await client.GetJsonAsync(string.Create(CultureInfo.InvariantCulture, $"/rest/api/3/group/bulk?startAt={startAt}&maxResults={PageSize}"), cancellationToken);
            if (json is null)
            {
                return groups;
            }

            var values = JiraJson.Items(json.RootElement, "values").ToList();
            foreach (var g in values)
            {
                if (JiraJson.Text(g, "name") is { } name && JiraJson.Text(g, "groupId") is { } id && !IsAccessGroup(name))
                {
                    groups.Add((name, id));
                }
            }

            if (values.Count == 0 || JiraJson.Flag(json.RootElement, "isLast") != false)
            {
                return groups;
            }
        }
    }

    /// <summary>GET /rest/api/3/group/member: the display names of the group's active people (not apps or customers).</summary>
    private static async Task<List<string>> MembersAsync(ApiClient client, string groupId, CancellationToken cancellationToken)
    {
        var members = new List<string>();
        for (var startAt = 0; ; startAt += PageSize)
        {
            using var json = await client.GetJsonAsync(
                string.Create(CultureInfo.InvariantCulture, $"/rest/api/3/group/member?groupId={Uri.EscapeDataString(groupId)}&includeInactiveUsers=false&startAt={startAt}&maxResults={PageSize}"),
                cancellationToken);
            if (json is null)
            {
                return members;
            }

            var values = JiraJson.Items(json.RootElement, "values").ToList();
            foreach (var user in values)
            {
                var human = JiraJson.Text(user, "accountType") is null or "atlassian";
                if (human && JiraJson.Flag(user, "active") != false && JiraJson.Text(user, "displayName") is { } name)
                {
                    members.Add(name);
                }
            }

            if (values.Count == 0 || JiraJson.Flag(json.RootElement, "isLast") != false)
            {
                return members;
            }
        }
    }

    private static bool IsAccessGroup(string name) =>
        AccessGroupPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));
}
