using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>Maps the channel words of the supported ticketing systems (English and Dutch) onto <see cref="Channel"/>.</summary>
public static class ChannelNames
{
    private static readonly Dictionary<string, Channel> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        ["phone"] = Channel.Phone, ["telephone"] = Channel.Phone, ["voice"] = Channel.Phone, ["telefoon"] = Channel.Phone,
        ["telefonisch"] = Channel.Phone, ["call"] = Channel.Phone,
        ["email"] = Channel.Email, ["e-mail"] = Channel.Email, ["mail"] = Channel.Email,
        ["self-service"] = Channel.Portal, ["selfservice"] = Channel.Portal, ["portal"] = Channel.Portal, ["web"] = Channel.Portal,
        ["self service portal"] = Channel.Portal, ["selfservice portal"] = Channel.Portal, ["self-service portal"] = Channel.Portal,
        ["selfserviceportal"] = Channel.Portal, ["web form"] = Channel.Portal, ["api"] = Channel.Portal, ["jira"] = Channel.Portal,
        ["chat"] = Channel.Chat, ["virtual agent"] = Channel.Chat, ["messaging"] = Channel.Chat, ["teams"] = Channel.Chat,
        ["walk-in"] = Channel.WalkIn, ["walk in"] = Channel.WalkIn, ["walkin"] = Channel.WalkIn, ["walk_in"] = Channel.WalkIn,
        ["balie"] = Channel.WalkIn, ["servicedesk balie"] = Channel.WalkIn, ["in person"] = Channel.WalkIn,
        ["monitoring"] = Channel.Monitoring, ["event"] = Channel.Monitoring, ["alert"] = Channel.Monitoring,
        ["system"] = Channel.Monitoring, ["automated"] = Channel.Monitoring,

        // Jira Service Management request channels, Zendesk "Via" values, TOPdesk entry types.
        ["anonymousportal"] = Channel.Portal, ["web service"] = Channel.Portal, ["web widget"] = Channel.Portal,
        ["help center"] = Channel.Portal, ["mobile"] = Channel.Portal, ["mobile sdk"] = Channel.Portal,
        ["mobile_sdk"] = Channel.Portal, ["webformulier"] = Channel.Portal, ["self service desk"] = Channel.Portal,
        ["phone call (inbound)"] = Channel.Phone, ["slack"] = Channel.Chat, ["msteams"] = Channel.Chat,
        ["native_messaging"] = Channel.Chat, ["persoonlijk"] = Channel.WalkIn,
    };

    /// <summary>The channel for a source's word; unknown words map to no channel rather than a wrong one.</summary>
    public static Channel? Parse(string? word) =>
        word is not null && Words.TryGetValue(word.Trim(), out var channel) ? channel : null;
}
