using System.Globalization;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.Zendesk;

/// <summary>A Zendesk group as the directory keeps it.</summary>
internal sealed record ZendeskGroup(long Id, string Name, bool Deleted);

/// <summary>A Zendesk agent or admin as the directory keeps it.</summary>
internal sealed record ZendeskAgent(long Id, string Name, bool OnStaff);

/// <summary>
/// The names behind Zendesk's ids: groups (deleted ones too, so old tickets keep their team's name) and the
/// users with the agent or admin role. End users are never read: a ticket's team and assignee are always
/// groups and agents, and the product has no use for requesters' names.
/// </summary>
internal sealed class ZendeskDirectory(IReadOnlyDictionary<long, ZendeskGroup> groups, IReadOnlyDictionary<long, ZendeskAgent> agents)
{
    public const string GroupsPath = "/api/v2/groups.json";
    public const string AgentsPath = "/api/v2/users.json?role%5B%5D=agent&role%5B%5D=admin";
    public const string MembershipsPath = "/api/v2/group_memberships.json";

    public IReadOnlyDictionary<long, ZendeskGroup> Groups => groups;

    public IReadOnlyDictionary<long, ZendeskAgent> Agents => agents;

    /// <summary>Reads every group (deleted included) and every agent and admin.</summary>
    public static async Task<ZendeskDirectory> LoadAsync(ApiClient client, string sourceName, CancellationToken cancellationToken)
    {
        var groups = new Dictionary<long, ZendeskGroup>();
        await foreach (var group in ZendeskList.ReadAllAsync(client, sourceName, GroupsPath + "?exclude_deleted=false", "groups", cancellationToken))
        {
            if (ZendeskJson.Field(group, "id") is { } id && ZendeskJson.TryId(id, out var groupId) && ZendeskJson.Text(group, "name") is { } name)
            {
                groups[groupId] = new ZendeskGroup(groupId, name, ZendeskJson.Field(group, "deleted") is { ValueKind: System.Text.Json.JsonValueKind.True });
            }
        }

        var agents = new Dictionary<long, ZendeskAgent>();
        await foreach (var user in ZendeskList.ReadAllAsync(client, sourceName, AgentsPath, "users", cancellationToken))
        {
            if (ZendeskJson.Field(user, "id") is { } id && ZendeskJson.TryId(id, out var userId) && ZendeskJson.Text(user, "name") is { } name)
            {
                var active = ZendeskJson.Field(user, "active") is not { ValueKind: System.Text.Json.JsonValueKind.False };
                var suspended = ZendeskJson.Field(user, "suspended") is { ValueKind: System.Text.Json.JsonValueKind.True };
                agents[userId] = new ZendeskAgent(userId, name, active && !suspended);
            }
        }

        return new ZendeskDirectory(groups, agents);
    }

    /// <summary>The group's name; an id no group has (a group removed for good) stays visible as its number.</summary>
    public string? GroupName(long? id) =>
        id is not { } key ? null : groups.TryGetValue(key, out var group) ? group.Name : key.ToString(CultureInfo.InvariantCulture);

    /// <summary>The agent's name; an id that is no agent any more (a deleted agent becomes an end user) stays visible as its number.</summary>
    public string? AgentName(long? id) =>
        id is not { } key ? null : agents.TryGetValue(key, out var agent) ? agent.Name : key.ToString(CultureInfo.InvariantCulture);

    /// <summary>Who made a change, when that was an agent; end users and Zendesk itself (-1) stay unnamed.</summary>
    public string? ActorName(long? id) =>
        id is { } key && agents.TryGetValue(key, out var agent) ? agent.Name : null;
}
