using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worker.Hosting;
using Worker.Telemetry;

namespace Worker.Delivery;

/// <summary>
/// Sends what is due in the outbox. Exactly once per key: a mail is marked "sending" (committed) before it
/// is handed to the server and "sent" after the server accepted it. A mail found "sending" past the lease was
/// interrupted by a stopped worker; when the transport can tell (the .eml folder) it is resolved as sent or
/// pending, when it cannot (SMTP) it is marked "unconfirmed" and not sent again. See docs/delivery.md.
/// </summary>
public sealed class OutboxDispatcher(
    Outbox outbox,
    IMailTransport transport,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    WorkerMetrics metrics,
    ILogger<OutboxDispatcher> logger)
{
    private DeliveryOptions Options => options.Value;

    /// <summary>One pass: resolves interrupted sends, then sends every due mail. Returns how many were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken)
    {
        await ResolveInterruptedAsync(cancellationToken);
        var due = await outbox.DueAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        IMailSession session;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (IsTransient(ex) && !cancellationToken.IsCancellationRequested)
        {
            Log.MailServerUnreachable(logger, due.Count, ex.Message);
            foreach (var entry in due)
            {
                await RetryAsync(entry, entry.Attempts + 1, ex.Message, cancellationToken);
            }

            return 0;
        }

        var sent = 0;
        await using (session)
        {
            foreach (var entry in due)
            {
                var message = await outbox.ClaimAsync(entry.Key, cancellationToken);
                if (message is null)
                {
                    continue;
                }

                var attempt = entry.Attempts + 1;
                try
                {
                    await session.SendAsync(message, entry.Key, cancellationToken);
                }
                catch (PermanentDeliveryException ex)
                {
                    Log.MailFailed(logger, entry.Key.Recipient, entry.Key, attempt, ex.Message);
                    await outbox.MarkFailedAsync(entry, attempt, ex.Message, CancellationToken.None);
                    metrics.Mail(entry.Key.ReportKind, OutboxStatus.Failed);
                    continue;
                }
                catch (Exception ex) when (IsTransient(ex))
                {
                    // The connection is gone: this mail and the rest wait for the next pass.
                    await RetryAsync(entry, attempt, ex.Message, CancellationToken.None);
                    break;
                }

                await outbox.MarkSentAsync(entry, attempt, OutboxStatus.Sent, CancellationToken.None);
                metrics.Mail(entry.Key.ReportKind, OutboxStatus.Sent);
                Log.MailSent(logger, entry.Subject, entry.Key.Recipient, entry.Key, attempt);
                sent++;
            }
        }

        return sent;
    }

    internal TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 30));
        return TimeSpan.FromTicks((long)Math.Min(Options.RetryDelay.Ticks * factor, Options.MaxRetryDelay.Ticks));
    }

    private async Task RetryAsync(OutboxEntry entry, int attempt, string error, CancellationToken cancellationToken)
    {
        if (attempt >= Options.MaxAttempts)
        {
            Log.MailFailed(logger, entry.Key.Recipient, entry.Key, attempt, error);
            await outbox.MarkFailedAsync(entry, attempt, error, cancellationToken);
            metrics.Mail(entry.Key.ReportKind, OutboxStatus.Failed);
            return;
        }

        var next = time.GetUtcNow() + Backoff(attempt);
        Log.MailRetry(logger, entry.Key.Recipient, entry.Key, attempt, next, error);
        await outbox.RetryLaterAsync(entry, attempt, error, next, cancellationToken);
        metrics.Mail(entry.Key.ReportKind, "retry");
    }

    private async Task ResolveInterruptedAsync(CancellationToken cancellationToken)
    {
        foreach (var entry in await outbox.StaleSendingAsync(Options.SendingLease, cancellationToken))
        {
            switch (transport.WasDelivered(entry.Key, entry.MessageId))
            {
                case true:
                    await outbox.MarkSentAsync(entry, entry.Attempts, "sent (found after an interrupted send)", cancellationToken);
                    metrics.Mail(entry.Key.ReportKind, OutboxStatus.Sent);
                    break;
                case false:
                    await outbox.RetryLaterAsync(entry, entry.Attempts, "interrupted before it was delivered", time.GetUtcNow(), cancellationToken);
                    break;
                default:
                    Log.MailUnconfirmed(logger, entry.Key.Recipient, entry.Key, entry.MessageId);
                    await outbox.MarkUnconfirmedAsync(entry, cancellationToken);
                    metrics.Mail(entry.Key.ReportKind, OutboxStatus.Unconfirmed);
                    break;
            }
        }
    }

    private static bool IsTransient(Exception ex) =>
        ex is IOException or TimeoutException or System.Net.Sockets.SocketException or ProtocolException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or MailKit.Security.SslHandshakeException
        || (ex is SmtpCommandException command && (int)command.StatusCode < 500)
        || ex is MailKit.Security.AuthenticationException;
}
