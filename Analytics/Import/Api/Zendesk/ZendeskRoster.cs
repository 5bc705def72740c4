namespace Analytics.Import.Api.Zendesk;

/// <summary>
/// The roster Zendesk knows: its groups as teams, and its agents and admins, each in their default group
/// (else the first group they joined), in the columns of the roster files (docs/roster.md). Deleted groups,
/// suspended or inactive agents and agents in no group are left out: they are not on staff. Zendesk has no
/// managers, contract hours or working hours; those stay unknown until a roster file gives them.
/// </summary>
internal static class ZendeskRoster
{
    public static async Task<IReadOnlyList<ApiRosterTable>> ReadAsync(ApiClient client, string sourceName, CancellationToken cancellationToken)
    {
        var directory = await ZendeskDirectory.LoadAsync(client, sourceName, cancellationToken);
        var teams = directory.Groups.Values
            .Where(g => !g.Deleted)
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .Select(g => (IReadOnlyList<string>)[g.Name])
            .ToList();

        // Per agent: the default membership wins, else the earliest (lowest id).
        var homes = new Dictionary<long, (bool Default, long MembershipId, long GroupId)>();
        await foreach (var membership in ZendeskList.ReadAllAsync(client, sourceName, ZendeskDirectory.MembershipsPath, "group_memberships", cancellationToken))
        {
            if (ZendeskJson.Field(membership, "user_id") is not { } user || !ZendeskJson.TryId(user, out var userId)
                || ZendeskJson.Field(membership, "group_id") is not { } group || !ZendeskJson.TryId(group, out var groupId)
                || !directory.Groups.TryGetValue(groupId, out var known) || known.Deleted)
            {
                continue;
            }

            var isDefault = ZendeskJson.Field(membership, "default") is { ValueKind: System.Text.Json.JsonValueKind.True };
            var membershipId = ZendeskJson.Field(membership, "id") is { } id && ZendeskJson.TryId(id, out var mid) ? mid : long.MaxValue;
            var candidate = (isDefault, membershipId, groupId);
            if (!homes.TryGetValue(userId, out var current)
                || (candidate.isDefault && !current.Default)
                || (candidate.isDefault == current.Default && candidate.membershipId < current.MembershipId))
            {
                homes[userId] = candidate;
            }
        }

        var agents = directory.Agents.Values
            .Where(a => a.OnStaff && homes.ContainsKey(a.Id))
            .OrderBy(a => a.Name, StringComparer.Ordinal)
            .Select(a => (IReadOnlyList<string>)[a.Name, directory.Groups[homes[a.Id].GroupId].Name])
            .ToList();

        return
        [
            new ApiRosterTable(["Team"], teams),
            new ApiRosterTable(["Agent", "Team"], agents),
        ];
    }
}
