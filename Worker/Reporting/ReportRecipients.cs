using Analytics.Tickets;
using Worker.Delivery;

namespace Worker.Reporting;

/// <summary>
/// Who receives a report: the configured recipients, and for a team without configured managers the
/// manager addresses the store holds for the team (the teams table), so a team is never left unread.
/// </summary>
public sealed class ReportRecipients(RecipientDirectory directory)
{
    public IReadOnlyList<string> For(ReportAudience audience, IReadOnlyList<Team> teams)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var configured = directory.RecipientsFor(audience);
        if (configured.Count > 0 || audience.Kind == AudienceKind.Department)
        {
            return configured;
        }

        // The team of exactly this name; ignoring case only when that finds one team, so the report of team "it"
        // never goes to the managers of a team "IT" (nothing about one team reaches another team's readers).
        var team = teams.FirstOrDefault(t => string.Equals(t.Name, audience.Team, StringComparison.Ordinal))
            ?? (teams.Count(t => string.Equals(t.Name, audience.Team, StringComparison.OrdinalIgnoreCase)) == 1
                ? teams.First(t => string.Equals(t.Name, audience.Team, StringComparison.OrdinalIgnoreCase))
                : null);
        return team is null
            ? []
            : [.. team.ManagerEmails.Select(a => MailAddresses.Parse(a).Address).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
