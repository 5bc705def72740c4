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

        var team = teams.FirstOrDefault(t => string.Equals(t.Name, audience.Team, StringComparison.OrdinalIgnoreCase));
        return team is null
            ? []
            : [.. team.ManagerEmails.Select(a => MailAddresses.Parse(a).Address).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
