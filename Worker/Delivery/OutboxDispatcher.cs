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
/// <para>
/// Every failure counts an attempt and ends in a state: a temporary one (server down, 4xx) waits for the backoff,
/// a refused mail fails, a setting the server cannot work with fails every due mail with the setting to change.
/// An outage or a bad setting is logged once when it starts and once when mail goes out again.
/// </para>
/// </summary>
public sealed class OutboxDispatcher(
    Outbox outbox,
    IMailTransport transport,
    IOptions<DeliveryOptions> options,
    TimeProvider time,
    WorkerMetrics metrics,
    ILogger<OutboxDispatcher> logger)
{
    private readonly Lock _gate = new();
    private string? _troubleReason;
    private int _troubleStreak;
    private DateTimeOffset _troubleSince;

    private DeliveryOptions Options => options.Value;

    /// <summary>One pass: resolves interrupted sends, then sends every due mail. Returns how many were sent.</summary>
    public async Task<int> DispatchAsync(CancellationToken cancellationToken) => (await PassAsync(cancellationToken)).Sent;

    /// <summary>One pass, and whether the server or the settings stopped it (the dispatch service then waits longer).</summary>
    internal async Task<DispatchPass> PassAsync(CancellationToken cancellationToken)
    {
        await ResolveInterruptedAsync(cancellationToken);
        var due = await outbox.DueAsync(cancellationToken);
        if (due.Count == 0)
        {
            return new DispatchPass(0, Stopped: false);
        }

        IMailSession session;
        try
        {
            session = await transport.OpenAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await StopPassAsync(due, DeliveryException.From(ex));
            return new DispatchPass(0, Stopped: true);
        }

        var sent = 0;
        await using (session)
        {
            for (var i = 0; i < due.Count; i++)
            {
                var entry = due[i];
                var message = await outbox.ClaimAsync(entry.Key, cancellationToken);
                if (message is null)
                {
                    continue;
                }

                using var activity = WorkerActivities.Source.StartActivity("mail send")?.SetTag("report", entry.Key.ReportKind).SetTag("period", entry.Key.Period);
                var claimed = entry with { Status = OutboxStatus.Sending };
                var attempt = entry.Attempts + 1;
                try
                {
                    await session.SendAsync(message, entry.Key, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    var failure = DeliveryException.From(ex);
                    switch (failure.Kind)
                    {
                        case DeliveryFailureKind.MailRefused:
                            Log.MailFailed(logger, entry.Key.Recipient, entry.Key, attempt, failure.Message);
                            await FailAsync(claimed, attempt, failure.Message);
                            continue;
                        case DeliveryFailureKind.Settings:
                            // The sender or the missing login: every other mail would be refused the same way.
                            await FailAsync(claimed, attempt, failure.Message);
                            await StopPassAsync([.. due.Skip(i + 1)], failure, alreadyFailed: 1);
                            return new DispatchPass(sent, Stopped: true);
                        default:
                            // The connection may be gone: this mail and the rest wait for the next pass.
                            ReportTemporary(failure, due.Count - i);
                            await RetryAsync(claimed, attempt, failure.Message);
                            return new DispatchPass(sent, Stopped: false);
                    }
                }

                EndTrouble();
                await outbox.MarkSentAsync(claimed, attempt, OutboxStatus.Sent, CancellationToken.None);
                metrics.Mail(entry.Key.ReportKind, OutboxStatus.Sent);
                Log.MailSent(logger, entry.Subject, entry.Key.Recipient, entry.Key, attempt);
                sent++;
            }
        }

        return new DispatchPass(sent, Stopped: false);
    }

    internal TimeSpan Backoff(int attempts)
    {
        var factor = Math.Pow(2, Math.Min(Math.Max(attempts - 1, 0), 30));
        return TimeSpan.FromTicks((long)Math.Min(Options.RetryDelay.Ticks * factor, Options.MaxRetryDelay.Ticks));
    }

    /// <summary>No mail of this pass can go out: each due mail counts the attempt and waits, or fails when a setting is the cause.</summary>
    private async Task StopPassAsync(IReadOnlyList<OutboxEntry> due, DeliveryException failure, int alreadyFailed = 0)
    {
        var settings = failure.Kind == DeliveryFailureKind.Settings;
        if (!settings)
        {
            ReportTemporary(failure, due.Count);
        }
        else if (StartOrContinueTrouble(failure.Message))
        {
            Log.MailSettingsRejected(logger, failure.Message, due.Count + alreadyFailed);
        }
        else
        {
            Log.MailTroubleContinues(logger, failure.Message, due.Count + alreadyFailed, _troubleStreak);
        }

        foreach (var entry in due)
        {
            var attempt = entry.Attempts + 1;
            if (settings)
            {
                Log.MailFailedWithTheRest(logger, entry.Key.Recipient, entry.Key, attempt, failure.Message);
                await FailAsync(entry, attempt, failure.Message);
            }
            else
            {
                await RetryAsync(entry, attempt, failure.Message);
            }
        }
    }

    /// <summary>A warning when the trouble starts or its cause changes (with the stack of a fault nobody expected); then quiet.</summary>
    private void ReportTemporary(DeliveryException failure, int waiting)
    {
        if (StartOrContinueTrouble(failure.Message))
        {
            Log.MailServerTrouble(logger, failure.Message, waiting, failure.Unexpected ? failure.InnerException : null);
        }
        else
        {
            Log.MailTroubleContinues(logger, failure.Message, waiting, _troubleStreak);
        }
    }

    /// <summary>True when this failure starts a streak or has another cause than the last one: worth a warning.</summary>
    private bool StartOrContinueTrouble(string reason)
    {
        lock (_gate)
        {
            var isNew = !string.Equals(reason, _troubleReason, StringComparison.Ordinal);
            if (_troubleReason is null)
            {
                _troubleSince = time.GetUtcNow();
                _troubleStreak = 0;
            }

            _troubleReason = reason;
            _troubleStreak++;
            return isNew;
        }
    }

    private void EndTrouble()
    {
        int streak;
        DateTimeOffset since;
        lock (_gate)
        {
            if (_troubleReason is null)
            {
                return;
            }

            (streak, since) = (_troubleStreak, _troubleSince);
            _troubleReason = null;
            _troubleStreak = 0;
        }

        Log.MailServerBack(logger, streak, since);
    }

    private async Task FailAsync(OutboxEntry entry, int attempt, string error)
    {
        // Written whatever the caller's cancellation: the attempt happened and its outcome must be on record.
        await outbox.MarkFailedAsync(entry, attempt, error, CancellationToken.None);
        metrics.Mail(entry.Key.ReportKind, OutboxStatus.Failed);
    }

    /// <summary>Back to pending after the backoff; the caller has said why (per mail, or once for an outage).</summary>
    private async Task RetryAsync(OutboxEntry entry, int attempt, string error)
    {
        if (attempt >= Options.MaxAttempts)
        {
            Log.MailFailed(logger, entry.Key.Recipient, entry.Key, attempt, error);
            await FailAsync(entry, attempt, error);
            return;
        }

        var next = time.GetUtcNow() + Backoff(attempt);
        Log.MailWaits(logger, entry.Key.Recipient, entry.Key, attempt, next, error);

        await outbox.RetryLaterAsync(entry, attempt, error, next, CancellationToken.None);
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
                    Log.MailLeftUnconfirmed(logger, entry.Key.Recipient, entry.Key, entry.MessageId, OutboxEntry.ShortId(entry.MessageId));
                    await outbox.MarkUnconfirmedAsync(entry, cancellationToken);
                    metrics.Mail(entry.Key.ReportKind, OutboxStatus.Unconfirmed);
                    break;
            }
        }
    }
}

/// <summary>What one dispatcher pass did: mails sent, and whether the server or the settings stopped it.</summary>
internal readonly record struct DispatchPass(int Sent, bool Stopped);
