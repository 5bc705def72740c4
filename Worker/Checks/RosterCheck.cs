using Analytics.Roster;
using Analytics.Tickets;
using Worker.Delivery;

namespace Worker.Checks;

/// <summary>
/// Who the reports go to and what capacity rests on: teams whose report reaches no manager (a failure: the
/// team's weekly report goes nowhere), and roster gaps, teams only known from tickets and agents without
/// contract hours (warnings: the reports say "unknown" there, as designed, but the figures are thinner).
/// </summary>
public static class RosterCheck
{
    /// <summary>Names shown before "and N more": enough to start with, short enough for one line.</summary>
    private const int Shown = 5;

    public static IReadOnlyList<CheckResult> Run(RosterSnapshot roster, RecipientDirectory recipients)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(recipients);
        var results = new List<CheckResult>();

        // As the weekly reports choose: configured managers first, else the addresses the roster holds for the team.
        var unmanaged = roster.Teams
            .Where(t => recipients.RecipientsFor(ReportAudience.ForTeamManagers(t.Name)).Count == 0 && t.ManagerEmails.Count == 0)
            .ToList();
        foreach (var team in unmanaged)
        {
            results.Add(CheckResult.Failed(
                $"team '{team.Name}'",
                $"no manager's address, so its weekly report reaches nobody; add {DeliveryOptions.Section}:Teams:{team.Name}:Managers, or the team's manager e-mails in the roster ('roster import')."));
        }

        if (roster.Teams.Count > 0 && unmanaged.Count == 0)
        {
            results.Add(CheckResult.Ok("teams", $"all {roster.Teams.Count} teams have a manager's address."));
        }

        if (!roster.Loaded)
        {
            results.Add(CheckResult.Warning("roster", $"none loaded: {roster.Teams.Count} teams and {roster.Agents.Count} agents are inferred from the tickets, contract hours unknown; load one with 'roster import' (docs/roster.md)."));
            return results;
        }

        var inferredTeams = roster.Teams.Where(t => t.Inferred).Select(t => t.Name).ToList();
        if (inferredTeams.Count > 0)
        {
            results.Add(CheckResult.Warning("roster", $"{inferredTeams.Count} teams appear in tickets but not in the roster ({List(inferredTeams)}); add them to the roster file and run 'roster import'."));
        }

        var noHours = roster.Agents.Where(a => a.ContractHours is null).Select(a => a.Name).ToList();
        if (noHours.Count > 0)
        {
            results.Add(CheckResult.Warning("roster", $"{noHours.Count} agents have no contract hours ({List(noHours)}), so their teams' capacity is unknown; add their hours to the roster file and run 'roster import'."));
        }

        if (inferredTeams.Count == 0 && noHours.Count == 0)
        {
            results.Add(CheckResult.Ok("roster", $"{roster.Teams.Count} teams and {roster.Agents.Count} agents, all with contract hours."));
        }

        return results;
    }

    private static string List(List<string> names) =>
        names.Count <= Shown ? string.Join(", ", names) : $"{string.Join(", ", names.Take(Shown))} and {names.Count - Shown} more";
}
