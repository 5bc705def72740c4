using MimeKit;
using Worker.Delivery;

namespace Worker.Checks;

/// <summary>
/// The mail transport as the outbox uses it. SMTP: connect, EHLO, STARTTLS and AUTH as configured, then QUIT
/// without a message. Pickup: the folder is made and a file written and deleted in it.
/// </summary>
public static class MailTransportCheck
{
    public static async Task<CheckResult> RunAsync(IMailTransport transport, DeliveryOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(options);
        var subject = Subject(options);
        try
        {
            await using (await transport.OpenAsync(cancellationToken))
            {
                // Opening is the test for SMTP; disposing says QUIT.
            }

            if (options.Transport == MailTransportKind.Pickup)
            {
                var probe = Path.Combine(Path.GetFullPath(options.PickupFolder), $".check-{Guid.NewGuid():N}.tmp");
                await File.WriteAllTextAsync(probe, "check", cancellationToken);
                File.Delete(probe);
            }
        }
        catch (DeliveryException ex)
        {
            return CheckResult.Failed(subject, $"{ex.Message}{Hint(options, ex.Message)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Failed(subject, $"the folder '{Path.GetFullPath(options.PickupFolder)}' cannot be written: {ex.Message}; check {DeliveryOptions.Section}:PickupFolder and the folder's owner.");
        }

        return CheckResult.Ok(subject, options.Transport == MailTransportKind.Smtp
            ? $"connected{(string.IsNullOrEmpty(options.Smtp.UserName) ? string.Empty : " and authenticated")} ({options.Smtp.Security}); no mail sent."
            : $"the folder '{Path.GetFullPath(options.PickupFolder)}' is writable.");
    }

    /// <summary>
    /// Sends one real mail straight through the transport, not through the outbox: the operator learns now, on
    /// this screen, whether it left, instead of from a retry hours later; and no test mail waits in the outbox.
    /// </summary>
    public static async Task<CheckResult> SendTestMailAsync(IMailTransport transport, MailComposer composer, DeliveryOptions options, string address, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(composer);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        var subject = $"test mail to {address}";
        if (!MailAddresses.TryParse(address, out _))
        {
            return CheckResult.Failed(subject, $"'{address}' is not an e-mail address; give one after --send-test-mail.");
        }

        var now = time.GetUtcNow();
        var mail = new OutgoingMail
        {
            // A key of its own per send: each test mail is a new message, never mistaken for a report.
            Key = new OutboxKey("test-mail", now.ToString("yyyyMMddTHHmmssfffZ", System.Globalization.CultureInfo.InvariantCulture), "check", address),
            Subject = "Workload monitor: test mail",
            HtmlBody = $"<p>This test mail was sent by <code>check --send-test-mail</code> at {now:u} through the {options.Transport} transport. If you read it, report mails reach this address.</p>",
            TextBody = $"This test mail was sent by 'check --send-test-mail' at {now:u} through the {options.Transport} transport. If you read it, report mails reach this address.",
        };
        MimeMessage message = composer.Compose(mail);
        try
        {
            await using var session = await transport.OpenAsync(cancellationToken);
            await session.SendAsync(message, mail.Key, cancellationToken);
        }
        catch (DeliveryException ex)
        {
            return CheckResult.Failed(subject, $"not sent: {ex.Message}{Hint(options, ex.Message)}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Failed(subject, $"not sent: {ex.Message}; check {DeliveryOptions.Section}:PickupFolder.");
        }

        return CheckResult.Ok(subject, options.Transport == MailTransportKind.Smtp
            ? $"accepted by {options.Smtp.Host}:{options.Smtp.Port} (Message-ID <{message.MessageId}>); look for it in the mailbox."
            : $"written to '{Path.GetFullPath(options.PickupFolder)}'.");
    }

    private static string Subject(DeliveryOptions options) => options.Transport == MailTransportKind.Smtp
        ? $"mail (SMTP {options.Smtp.Host}:{options.Smtp.Port})"
        : "mail (pickup folder)";

    /// <summary>The settings to look at, unless the transport's reason names one already.</summary>
    private static string Hint(DeliveryOptions options, string reason)
    {
        if (reason.Contains(DeliveryOptions.Section + ":", StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var smtp = $"{DeliveryOptions.Section}:Smtp";
        return options.Transport == MailTransportKind.Smtp ? $"; check {smtp}:Host and {smtp}:Port, and that the mail server runs" : string.Empty;
    }
}
