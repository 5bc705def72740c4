using System.Text;
using Reports.Documents;

namespace Worker.Delivery;

/// <summary>
/// The .eml file name of a mail in the pickup folder: readable pieces of its outbox key (report kind, period,
/// scope, recipient) and always a hash of the whole key, so two keys never share a file. Teams whose names
/// read alike ("Сервис" and "Служба" kept as letters, "a/b" and "a b", 300-character names cut to the same
/// prefix) still differ in the hash, and the check for a mail whose send was interrupted finds only its own file.
/// </summary>
public static class PickupFileName
{
    // 64 bits of the key: a collision among one installation's mails is out of reach.
    private const int HashLength = 16;

    public static string For(OutboxKey key)
    {
        // The same fields, separator and recipient case as the Message-ID (see OutboxKey.MessageId).
        var identity = string.Join('\u001f', key.ReportKind, key.Period, key.Scope, key.Recipient.ToLowerInvariant());
        var readable = new StringBuilder()
            .Append(Piece(key.ReportKind, 24)).Append('_')
            .Append(Piece(key.Period, 16)).Append('_')
            .Append(Piece(key.Scope, 48)).Append('_')
            .Append(Piece(key.Recipient, 48));
        return readable.Append('_').Append(FileNameText.Hash(identity, HashLength)).Append(".eml").ToString();
    }

    private static string Piece(string text, int maxBytes) => FileNameText.Slug(text, maxBytes) is { Length: > 0 } slug ? slug : "-";
}
