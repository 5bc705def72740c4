using Microsoft.Extensions.Options;

namespace Worker.Delivery;

/// <summary>
/// The recipients of each audience, from configuration. Nothing about one team goes to another team's
/// recipients; per-agent detail goes to the team's managers and nobody else.
/// </summary>
public sealed class RecipientDirectory(IOptions<DeliveryOptions> options)
{
    public IReadOnlyList<string> RecipientsFor(ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var delivery = options.Value;
        IEnumerable<string> addresses = audience.Kind switch
        {
            AudienceKind.Department => delivery.Department.Recipients,
            AudienceKind.Team => delivery.Teams.TryGetValue(audience.Team!, out var team) ? team.Managers.Concat(team.Recipients) : [],
            AudienceKind.TeamManagers => delivery.Teams.TryGetValue(audience.Team!, out var managed) ? managed.Managers : [],
            _ => [],
        };

        return addresses
            .Select(a => MailAddresses.Parse(a).Address)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
