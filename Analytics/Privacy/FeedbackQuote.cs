using System.Text.RegularExpressions;

namespace Analytics.Privacy;

/// <summary>
/// A customer's comment made fit to quote: the customer's own name goes (a signature or a closing
/// "– Name"), and so does everything after a greeting that ends a message.
/// </summary>
public static partial class FeedbackQuote
{
    public static string WithoutSignature(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        var text = Closing().Replace(comment, "");
        text = DashedName().Replace(text, "");
        return text.Trim();
    }

    // A greeting that starts a line (or follows a finished sentence) and is followed only by a name: "\nGroet, Kees Bakker".
    [GeneratedRegex(@"(?<=^|\n|[.!?]\s)\s*(?i:met vriendelijke groet|vriendelijke groet|groetjes|groeten|groet|mvg|kind regards|best regards|regards|cheers|thanks|dank)\s*,?\s*\p{Lu}[\p{L}'\-]*(?:\s+[\p{L}'\-]+){0,3}\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Closing();

    // "Great help! – Mark de Vries" or "... - Anna".
    [GeneratedRegex(@"\s+[–—-]\s*\p{Lu}[\p{L}'\-]*(?:\s+[\p{L}'\-]+){0,3}\s*$", RegexOptions.CultureInvariant, 1000)]
    private static partial Regex DashedName();
}
