using System.Text.Json;
using Analytics.Import.Sources;
using Microsoft.Extensions.Logging;

namespace Analytics.Import.Api.Topdesk;

/// <summary>
/// The roster as TOPdesk knows it: the operator groups that are not archived (GET /tas/api/operatorgroups) as
/// the teams table ("Team"), and their operators (GET /tas/api/operatorgroups/id/{id}/operators, named as
/// GET /tas/api/operators names them) as the agents table ("Name", "Team"). Names
/// are the ones incidents carry: the group's groupName and the operator's dynamicName. TOPdesk knows no contract
/// hours or start dates, so those stay unknown. An operator in several groups is listed in the first by name.
/// A 403 or 404 (no read access to supporting files) gives no roster and one log line, not a failed sync.
/// </summary>
internal sealed class TopdeskRoster(ApiReadRequest request, ILogger logger)
{
    /// <summary>TOPdesk's cap on page_size for supporting files (operators, operator groups).</summary>
    public const int MaxPage = 100;

    public async Task<IReadOnlyList<ApiRosterTable>> ReadAsync(CancellationToken cancellationToken)
    {
        var source = request.Source.Name;
        try
        {
            var groups = await ListAsync("/tas/api/operatorgroups", "archived==false", cancellationToken);
            var operators = await ListAsync("/tas/api/operators", "archived==false", cancellationToken);
            var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var op in operators)
            {
                if (Text(op, "id") is { } id && (Text(op, "dynamicName") ?? Text(op, "name")) is { } name)
                {
                    names[id] = name;
                }
            }

            var teams = new SortedSet<string>(StringComparer.Ordinal);
            var memberships = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
            foreach (var group in groups)
            {
                if (Text(group, "id") is not { } groupId || (Text(group, "groupName") ?? Text(group, "name")) is not { } team)
                {
                    continue;
                }

                teams.Add(team);
                using var members = await request.Client.GetJsonAsync($"/tas/api/operatorgroups/id/{Uri.EscapeDataString(groupId)}/operators", cancellationToken);
                foreach (var member in TopdeskConnector.Records(members, source, "/tas/api/operatorgroups/id/{id}/operators"))
                {
                    // Archived operators are not in the operators list: they are no longer on staff.
                    if (Text(member, "id") is { } memberId && names.TryGetValue(memberId, out var name))
                    {
                        if (!memberships.TryGetValue(name, out var of))
                        {
                            memberships[name] = of = new SortedSet<string>(StringComparer.Ordinal);
                        }

                        of.Add(team);
                    }
                }
            }

            var agents = new List<IReadOnlyList<string>>();
            foreach (var (name, of) in memberships.OrderBy(m => m.Key, StringComparer.Ordinal))
            {
                if (of.Count > 1)
                {
                    TopdeskLog.SeveralGroups(logger, source, name, of.Count, of.Min!);
                }

                agents.Add([name, of.Min!]);
            }

            return
            [
                new ApiRosterTable(["Team"], [.. teams.Select(t => (IReadOnlyList<string>)[t])]),
                new ApiRosterTable(["Name", "Team"], agents),
            ];
        }
        catch (SourceQueryException ex) when (ex.HttpStatus is 403 or 404)
        {
            TopdeskLog.RosterSkipped(logger, source, ex.Message);
            return [];
        }
    }

    /// <summary>Every record of a supporting-files list, page by page (start and page_size; 206 while more follow).</summary>
    private async Task<List<JsonElement>> ListAsync(string path, string query, CancellationToken cancellationToken)
    {
        var all = new List<JsonElement>();
        for (var start = 0; ; start += MaxPage)
        {
            using var json = await request.Client.GetJsonAsync($"{path}?start={start}&page_size={MaxPage}&query={Uri.EscapeDataString(query)}", cancellationToken);
            var page = TopdeskConnector.Records(json, request.Source.Name, path);
            all.AddRange(page.Select(e => e.Clone()));
            if (page.Count < MaxPage)
            {
                return all;
            }
        }
    }

    private static string? Text(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
        && value.GetString()!.Trim() is { Length: > 0 } text ? text : null;
}
