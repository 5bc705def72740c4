using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Worker.Delivery;

/// <summary>
/// What makes a mail unique: the report kind ("weekly-workload"), its period ("2026-W47"), the scope it
/// covers (<see cref="ReportAudience.Scope"/>: "department", "team:Service Desk", ...) and the recipient's
/// address. Enqueuing the same key twice queues one mail; it is also the source of the Message-ID.
/// </summary>
public readonly record struct OutboxKey(string ReportKind, string Period, string Scope, string Recipient)
{
    /// <summary>A Message-ID derived from the key alone, so every attempt and every worker sends the same one.</summary>
    public string MessageId(string domain)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', ReportKind, Period, Scope, Recipient.ToLowerInvariant())));
        return string.Create(CultureInfo.InvariantCulture, $"{Convert.ToHexStringLower(hash.AsSpan(0, 16))}.{Slug(ReportKind)}@{domain}");
    }

    public override string ToString() => $"{ReportKind} {Period} {Scope} -> {Recipient}";

    internal static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '@' ? char.ToLowerInvariant(c) : '_');
        }

        return sb.ToString();
    }
}
