using Microsoft.Extensions.Logging;

namespace Worker.Hosting;

/// <summary>
/// The outbox's messages for an outage or a bad setting: one warning when it starts, quiet (debug) repeats while it
/// lasts, one line when mail goes out again - never one warning or stack trace per poll.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4107, Level = LogLevel.Warning, Message = "Mail cannot be sent just now: {Reason}. {Count} mails wait and are tried again with a growing delay; this is logged again only when the cause changes.")]
    public static partial void MailServerTrouble(ILogger logger, string reason, int count, Exception? exception);

    [LoggerMessage(EventId = 4108, Level = LogLevel.Error, Message = "Mail cannot be sent: {Reason}. {Count} mails are marked failed; once the setting is changed, 'mail resend --failed' queues them again.")]
    public static partial void MailSettingsRejected(ILogger logger, string reason, int count);

    [LoggerMessage(EventId = 4109, Level = LogLevel.Debug, Message = "Mail still cannot be sent ({Count} mails, failure {Streak} in a row): {Reason}")]
    public static partial void MailTroubleContinues(ILogger logger, string reason, int count, int streak);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Mail goes out again after {Streak} failed attempts since {Since:u}.")]
    public static partial void MailServerBack(ILogger logger, int streak, DateTimeOffset since);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "Outbox dispatch still failing ({Streak} passes in a row), next pass in {Delay}: {Error}")]
    public static partial void OutboxDispatchStillFailing(ILogger logger, int streak, TimeSpan delay, string error);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Information, Message = "Outbox dispatch works again after {Streak} failed passes.")]
    public static partial void OutboxDispatchBack(ILogger logger, int streak);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Debug, Message = "Mail for {Recipient} ({Key}) waits, attempt {Attempt}; next attempt at {NextAttempt:u}: {Error}")]
    public static partial void MailWaits(ILogger logger, string recipient, Worker.Delivery.OutboxKey key, int attempt, DateTimeOffset nextAttempt, string error);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Debug, Message = "Mail for {Recipient} ({Key}) marked failed, attempt {Attempt}: {Error}")]
    public static partial void MailFailedWithTheRest(ILogger logger, string recipient, Worker.Delivery.OutboxKey key, int attempt, string error);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Warning, Message = "Mail for {Recipient} ({Key}) was being sent when a worker stopped; it may have gone out, so it is not sent again. Check the mail server's log for Message-ID {MessageId}; 'mail resend {Id}' sends it again.")]
    public static partial void MailLeftUnconfirmed(ILogger logger, string recipient, Worker.Delivery.OutboxKey key, string messageId, string id);
}
