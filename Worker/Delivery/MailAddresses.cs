using MimeKit;

namespace Worker.Delivery;

/// <summary>What counts as a usable mail address: one mailbox, with a local part and a domain.</summary>
public static class MailAddresses
{
    public static bool TryParse(string? text, out MailboxAddress mailbox)
    {
        mailbox = null!;
        if (string.IsNullOrWhiteSpace(text) || !MailboxAddress.TryParse(text.Trim(), out var parsed))
        {
            return false;
        }

        var at = parsed.Address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == parsed.Address.Length - 1 || parsed.Address.IndexOf('@', at + 1) >= 0)
        {
            return false;
        }

        mailbox = parsed;
        return true;
    }

    public static MailboxAddress Parse(string text) =>
        TryParse(text, out var mailbox) ? mailbox : throw new FormatException($"'{text}' is not a mail address.");
}
