using System.Net;
using Analytics.Storage;
using Dapper;
using Microsoft.Extensions.Options;
using Worker.Delivery;

namespace Worker.Jobs;

/// <summary>
/// Tells the operators (<see cref="DeliveryOptions.Operators"/>) that a job failed: once per failure streak, the
/// runs of the job since its last success. The mail's outbox key carries the job and the start of the streak,
/// so every failed run of the streak enqueues the same key and the outbox keeps one (and retries it like any
/// mail); a success ends the streak and, when <see cref="DeliveryOptions.NotifyOperatorsOnRecovery"/>, sends a
/// "works again" note keyed the same way. The mail holds the job's name and its error sentence, nothing else.
/// </summary>
public sealed class JobFailureAlerts(IDbConnectionFactory connections, Outbox outbox, IOptions<DeliveryOptions> options)
{
    public const string FailedKind = "job-failed";

    public const string RecoveredKind = "job-recovered";

    private SqlDialect Dialect => connections.Dialect;

    /// <summary>After the run <paramref name="fireInstanceId"/> of <paramref name="job"/> was recorded as <paramref name="outcome"/>.</summary>
    public async Task RunEndedAsync(string job, string fireInstanceId, string outcome, string? error, CancellationToken cancellationToken)
    {
        var operators = options.Value.Operators;
        if (operators.Count == 0 || outcome is not ("failed" or "succeeded"))
        {
            return;
        }

        var (lastSuccess, lastFailure) = await LastOutcomesAsync(job, fireInstanceId, cancellationToken);
        string kind;
        if (outcome == "failed")
        {
            kind = FailedKind;
        }
        else if (options.Value.NotifyOperatorsOnRecovery && lastFailure is { } failure && (lastSuccess is null || failure > lastSuccess))
        {
            kind = RecoveredKind;
        }
        else
        {
            return;
        }

        var streak = await StreakStartAsync(job, lastSuccess, cancellationToken);
        if (streak is null)
        {
            return;
        }

        // To the millisecond: a job that fails, succeeds and fails again within one second starts two streaks.
        var period = streak.Value.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        foreach (var address in operators.Select(a => MailAddresses.Parse(a).Address).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var key = new OutboxKey(kind, period, $"job:{job}", address);
            await outbox.EnqueueAsync(kind == FailedKind ? Failed(key, job, streak.Value, error) : Recovered(key, job, streak.Value), cancellationToken);
        }
    }

    /// <summary>When the job last succeeded and last failed, this run aside (a success is only ever compared with earlier runs).</summary>
    private async Task<(DateTimeOffset? Success, DateTimeOffset? Failure)> LastOutcomesAsync(string job, string fireInstanceId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT (SELECT MAX(started_at) FROM {Dialect.Table("job_runs")} WHERE job = @job AND outcome = 'succeeded' AND fire_instance_id <> @fireInstanceId),
                   (SELECT MAX(started_at) FROM {Dialect.Table("job_runs")} WHERE job = @job AND outcome = 'failed' AND fire_instance_id <> @fireInstanceId)
            """,
            new { job, fireInstanceId },
            cancellationToken: cancellationToken));
        await reader.ReadAsync(cancellationToken);
        return (Dialect.ReadNullableInstant(reader, 0), Dialect.ReadNullableInstant(reader, 1));
    }

    /// <summary>The first failed run after the last success: the same instant for every run of one streak.</summary>
    private async Task<DateTimeOffset?> StreakStartAsync(string job, DateTimeOffset? lastSuccess, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT MIN(started_at) FROM {Dialect.Table("job_runs")} WHERE job = @job AND outcome = 'failed' AND (@any = 0 OR started_at > @since)",
            new { job, any = lastSuccess is null ? 0 : 1, since = Dialect.ToDb(lastSuccess ?? DateTimeOffset.UnixEpoch) },
            cancellationToken: cancellationToken));
        await reader.ReadAsync(cancellationToken);
        return Dialect.ReadNullableInstant(reader, 0);
    }

    private static OutgoingMail Failed(OutboxKey key, string job, DateTimeOffset since, string? error)
    {
        var sentence = string.IsNullOrWhiteSpace(error) ? "(no error message)" : error.Trim();
        return new OutgoingMail
        {
            Key = key,
            Subject = $"Job '{job}' failed",
            TextBody = $"The job '{job}' failed at {since:u}: {sentence}\n\nThis is the only mail for this run of failures; 'jobs list' shows the job's state. A note follows when it succeeds again.",
            HtmlBody = $"<p>The job <b>{WebUtility.HtmlEncode(job)}</b> failed at {since:u}:</p><p>{WebUtility.HtmlEncode(sentence)}</p>" +
                "<p>This is the only mail for this run of failures; <code>jobs list</code> shows the job's state. A note follows when it succeeds again.</p>",
        };
    }

    private static OutgoingMail Recovered(OutboxKey key, string job, DateTimeOffset since) => new()
    {
        Key = key,
        Subject = $"Job '{job}' works again",
        TextBody = $"The job '{job}', failing since {since:u}, succeeded again.",
        HtmlBody = $"<p>The job <b>{WebUtility.HtmlEncode(job)}</b>, failing since {since:u}, succeeded again.</p>",
    };
}
