using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// Maps the work-type words of the supported ticketing systems (Jira issue types, TOPdesk call types,
/// Zendesk ticket types; English and Dutch) onto <see cref="TicketKind"/>.
/// </summary>
public static class KindNames
{
    private const string SystemPrefix = "[System]";

    private static readonly Dictionary<string, TicketKind> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["incident"] = TicketKind.Incident, ["storing"] = TicketKind.Incident, ["verstoring"] = TicketKind.Incident,
        ["fault"] = TicketKind.Incident, ["outage"] = TicketKind.Incident, ["bug"] = TicketKind.Incident,
        ["request"] = TicketKind.Request, ["service request"] = TicketKind.Request,
        ["service request with approvals"] = TicketKind.Request, ["request with approvals"] = TicketKind.Request,
        ["serviceverzoek"] = TicketKind.Request, ["verzoek"] = TicketKind.Request, ["aanvraag"] = TicketKind.Request,
        ["vraag"] = TicketKind.Request, ["question"] = TicketKind.Request, ["it help"] = TicketKind.Request,
        ["emailed request"] = TicketKind.Request, ["get it help"] = TicketKind.Request,
        ["change"] = TicketKind.Change, ["wijziging"] = TicketKind.Change, ["wijzigingsverzoek"] = TicketKind.Change,
        ["normal change"] = TicketKind.Change, ["standard change"] = TicketKind.Change, ["emergency change"] = TicketKind.Change,
        ["request for change"] = TicketKind.Change, ["rfc"] = TicketKind.Change,
        ["problem"] = TicketKind.Problem, ["probleem"] = TicketKind.Problem, ["post-incident review"] = TicketKind.Problem,
        ["task"] = TicketKind.Task, ["sub-task"] = TicketKind.Task, ["subtask"] = TicketKind.Task, ["taak"] = TicketKind.Task,
        ["maintenance"] = TicketKind.Maintenance, ["onderhoud"] = TicketKind.Maintenance,
        ["planned maintenance"] = TicketKind.Maintenance, ["gepland onderhoud"] = TicketKind.Maintenance,
    };

    /// <summary>
    /// The kind for a source's word, ignoring case and Jira's "[System]" prefix; unknown words map to no
    /// kind, and each profile decides the default.
    /// </summary>
    public static TicketKind? Parse(string? word)
    {
        if (word is null)
        {
            return null;
        }

        var trimmed = word.Trim();
        if (trimmed.StartsWith(SystemPrefix, StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed[SystemPrefix.Length..].Trim();
        }

        return Words.TryGetValue(trimmed, out var kind) ? kind : null;
    }
}
