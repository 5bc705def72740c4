using Microsoft.Extensions.Logging;

namespace Worker.Hosting;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Job '{Job}' started (scheduled for {ScheduledAt:u}) on {Instance}; recovering a stopped worker's run: {Recovering}.")]
    public static partial void JobStarted(ILogger logger, string job, DateTimeOffset? scheduledAt, string instance, bool recovering);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Job '{Job}' {Outcome} in {Seconds:0.0} s.")]
    public static partial void JobFinished(ILogger logger, string job, string outcome, double seconds);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Job '{Job}' failed: {Error}")]
    public static partial void JobFailed(ILogger logger, string job, string error, Exception exception);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Information, Message = "Job '{Job}' is not scheduled: no {Service} is registered.")]
    public static partial void JobNotScheduled(ILogger logger, string job, string service);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Information, Message = "Job '{Job}' is disabled (Jobs:{Setting}:Enabled).")]
    public static partial void JobDisabled(ILogger logger, string job, string setting);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information, Message = "Job '{Job}' keeps its stored schedule '{Cron}' ({TimeZone}); next fire {NextFire:u}.")]
    public static partial void JobScheduleKept(ILogger logger, string job, string cron, string timeZone, DateTimeOffset? nextFire);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Job '{Job}' scheduled '{Cron}' ({TimeZone}); next fire {NextFire:u}.")]
    public static partial void JobScheduled(ILogger logger, string job, string cron, string timeZone, DateTimeOffset? nextFire);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Job '{Job}': its end could not be recorded in job_runs: {Error}")]
    public static partial void JobRunUnrecorded(ILogger logger, string job, string error);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Mail '{Subject}' for {Recipient} ({Key}) sent, attempt {Attempt}.")]
    public static partial void MailSent(ILogger logger, string subject, string recipient, Worker.Delivery.OutboxKey key, int attempt);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Mail for {Recipient} ({Key}) failed for good after {Attempt} attempts: {Error}")]
    public static partial void MailFailed(ILogger logger, string recipient, Worker.Delivery.OutboxKey key, int attempt, string error);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Error, Message = "Outbox dispatch failed: {Error}")]
    public static partial void OutboxDispatchFailed(ILogger logger, string error, Exception exception);
}
