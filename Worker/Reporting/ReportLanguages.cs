using Analytics.Privacy;
using Microsoft.Extensions.Options;
using Worker.Delivery;

namespace Worker.Reporting;

/// <summary>
/// The language each scope's reports are written in: the language of the recipients they go to
/// (Delivery:Teams:&lt;team&gt;:Language for a team's managers and readers, Delivery:Department:Language for the
/// department list), else Reporting:Language. Every reader of a scope's reports shares its recipients' language,
/// so each report is rendered once, in that language.
/// </summary>
public sealed class ReportLanguages(IOptions<ReportingOptions> reporting, IOptions<DeliveryOptions> delivery)
{
    public string For(ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var settings = delivery.Value;
        var own = scope switch
        {
            DepartmentScope => settings.Department.Language,
            TeamScope team => settings.Teams.TryGetValue(team.Team, out var recipients) ? recipients.Language : null,
            _ => null,
        };
        return Code(string.IsNullOrWhiteSpace(own) ? reporting.Value.Language : own);
    }

    /// <summary>The language of <paramref name="audience"/>'s mail: the scope its reports are made for.</summary>
    public string For(ReportAudience audience)
    {
        ArgumentNullException.ThrowIfNull(audience);
        return For(audience.Kind == AudienceKind.Department ? ReportScope.Department : ReportScope.ForTeam(audience.Team!));
    }

    private static string Code(string language) => language.Trim().ToLowerInvariant();
}
