namespace Analytics.Demo;

/// <summary>
/// What customers write in satisfaction surveys, in Dutch and English. Some thank the agent by first
/// name and some sign with their own name, as real comments do; reports must strip the latter.
/// </summary>
internal static class DemoFeedbackText
{
    private static readonly string[] Thanks =
    [
        "Dank je wel {agent}, super snel opgelost!",
        "Heel fijn geholpen, bedankt!",
        "Top service, binnen een uur weer aan het werk.",
        "Bedankt voor het meedenken en de duidelijke uitleg.",
        "Thanks {agent}, you saved my presentation!",
        "Great help, quick and friendly. Thank you!",
        "Thank you for staying late to fix this.",
        "Very clear instructions, thanks a lot.",
        "Fijn dat jullie zo snel reageerden, dank!",
        "Many thanks, everything works again.",
    ];

    private static readonly string[] Neutral =
    [
        "Opgelost, maar het duurde even.",
        "Works now, although I had to explain it twice.",
        "Prima.",
        "OK",
    ];

    private static readonly string[] Complaints =
    [
        "Duurde veel te lang, drie keer moeten bellen.",
        "Took more than a week for a simple request.",
        "Probleem is nog steeds niet helemaal weg.",
        "Nobody told me the ticket had been closed.",
    ];

    private static readonly string[] Customers =
    [
        "Kees Bakker", "Marieke Hoogland", "Ahmed Ouali", "Anna Schipper", "Mark de Vries", "Ingrid Wolters",
        "Peter Zwart", "Lucia Fernandes", "Hans Veldman", "Tessa Kroon", "Joyce Brinkman", "Rob van Dam",
    ];

    private static readonly string[] Signatures = ["\nGroet, {customer}", "\nMet vriendelijke groet,\n{customer}", " – {customer}", "\nRegards, {customer}", "\nThanks, {customer}"];

    public static string? For(int score, string agentFirstName, DemoRandom random)
    {
        if (!random.Chance(0.45))
        {
            return null;
        }

        var text = score >= 4 ? random.Pick(Thanks) : score == 3 ? random.Pick(Neutral) : random.Pick(Complaints);
        text = text.Replace("{agent}", agentFirstName, StringComparison.Ordinal);
        if (random.Chance(0.3))
        {
            text += random.Pick(Signatures).Replace("{customer}", random.Pick(Customers), StringComparison.Ordinal);
        }

        return text;
    }
}
