using System.Text.Json;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// The site's custom fields the connector reads, found by their type in <c>GET /rest/api/3/field</c>: their ids
/// (customfield_10010, ...) differ per site, their types do not.
/// </summary>
/// <param name="RequestType">JSM's "Request Type" (com.atlassian.servicedesk:vp-origin): the category.</param>
/// <param name="Team">An Atlassian "Team" field, or else a group picker whose name says group or team; null: components.</param>
/// <param name="TimeToResolution">JSM's "Time to resolution" SLA: the outcome and, without a due date, the target.</param>
/// <param name="TimeToFirstResponse">JSM's "Time to first response" SLA: when the first response came.</param>
/// <param name="Channel">A field named like the CSV export's channel column ("Request Channel Type", "Source", "Channel").</param>
internal sealed record JiraFields(string? RequestType, string? Team, string? TimeToResolution, string? TimeToFirstResponse, string? Channel)
{
    public const string Path = "/rest/api/3/field";

    private const string RequestTypeType = "com.atlassian.servicedesk:vp-origin";
    private const string SlaType = "com.atlassian.servicedesk:sd-sla-field";
    private const string GroupPickerType = "com.atlassian.jira.plugin.system.customfieldtypes:grouppicker";

    /// <summary>Team fields: Jira's own (atlassian-team) and Advanced Roadmaps' (rm-teams-custom-field-team).</summary>
    private static readonly string[] TeamTypes =
    [
        "com.atlassian.jira.plugin.system.customfieldtypes:atlassian-team",
        "com.atlassian.teams:rm-teams-custom-field-team",
    ];

    private static readonly string[] ChannelNames = ["Request Channel Type", "Request channel", "Source", "Channel"];

    /// <summary>The system fields every read asks for, besides the custom fields found.</summary>
    private static readonly string[] SystemFields =
    [
        "summary", "issuetype", "status", "priority", "assignee", "created", "updated", "resolutiondate",
        "resolution", "duedate", "components", "timespent",
    ];

    /// <summary>The fields= list of the search: what the mapping reads and nothing more (smaller pages).</summary>
    public string SearchFields => string.Join(',', SystemFields.Concat(new[] { RequestType, Team, TimeToResolution, TimeToFirstResponse, Channel }.OfType<string>()));

    /// <summary>The changelog's fieldId of team changes: the team field, else "components".</summary>
    public string TeamChangeField => Team ?? "components";

    public static async Task<JiraFields> ReadAsync(ApiClient client, CancellationToken cancellationToken)
    {
        using var json = await client.GetJsonAsync(Path, cancellationToken);
        return json is null ? new JiraFields(null, null, null, null, null) : Parse(json.RootElement);
    }

    public static JiraFields Parse(JsonElement fields)
    {
        var all = fields.ValueKind == JsonValueKind.Array ? fields.EnumerateArray().ToList() : [];
        string? OfType(string type, Func<JsonElement, bool>? also = null) =>
            all.Where(f => string.Equals(CustomType(f), type, StringComparison.Ordinal) && (also is null || also(f)))
                .Select(f => JiraJson.Text(f, "id"))
                .FirstOrDefault(id => id is not null);
        bool Named(JsonElement f, string name) => string.Equals(JiraJson.Text(f, "name"), name, StringComparison.OrdinalIgnoreCase);
        bool NameHas(JsonElement f, string word) => JiraJson.Text(f, "name")?.Contains(word, StringComparison.OrdinalIgnoreCase) == true;

        var team = TeamTypes.Select(t => OfType(t)).FirstOrDefault(id => id is not null)
            ?? OfType(GroupPickerType, f => NameHas(f, "group") || NameHas(f, "team"));
        var channel = ChannelNames
            .Select(n => all.Where(f => JiraJson.Flag(f, "custom") == true && Named(f, n)).Select(f => JiraJson.Text(f, "id")).FirstOrDefault(id => id is not null))
            .FirstOrDefault(id => id is not null);
        return new JiraFields(
            OfType(RequestTypeType),
            team,
            OfType(SlaType, f => Named(f, "Time to resolution")),
            OfType(SlaType, f => Named(f, "Time to first response")),
            channel);
    }

    private static string? CustomType(JsonElement field) =>
        JiraJson.Property(field, "schema") is { } schema ? JiraJson.Text(schema, "custom") : null;
}
