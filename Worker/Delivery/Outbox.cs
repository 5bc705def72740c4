using Analytics.Storage;
using Dapper;
using MimeKit;

namespace Worker.Delivery;

/// <summary>
/// The mail outbox: report jobs enqueue mails, the dispatcher sends them. Rows are keyed by report, period,
/// scope and recipient, so enqueuing a report again (a rerun, a recovered job) queues nothing new, and the
/// message is stored whole, so every attempt sends the same bytes with the same Message-ID.
/// </summary>
public sealed class Outbox(IDbConnectionFactory connections, MailComposer composer, TimeProvider time, OutboxSignal signal)
{
    private static readonly string[] Keys = ["report_kind", "period", "scope", "recipient"];

    private static readonly string[] Columns =
        ["report_kind", "period", "scope", "recipient", "message_id", "subject", "mime", "status", "attempts", "enqueued_at", "next_attempt_at"];

    private SqlDialect Dialect => connections.Dialect;

    /// <summary>Queues <paramref name="mail"/>; false when a mail with its key is already queued or sent.</summary>
    public async Task<bool> EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var message = composer.Compose(mail);
        using var buffer = new MemoryStream();
        await message.WriteToAsync(buffer, cancellationToken);

        var now = Dialect.ToDb(time.GetUtcNow());
        await using var connection = await connections.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            Dialect.InsertIfAbsent("outbox", Keys, Columns),
            new
            {
                report_kind = mail.Key.ReportKind,
                period = mail.Key.Period,
                scope = mail.Key.Scope,
                recipient = mail.Key.Recipient,
                message_id = message.MessageId,
                subject = mail.Subject,
                mime = buffer.ToArray(),
                status = OutboxStatus.Pending,
                attempts = 0,
                enqueued_at = now,
                next_attempt_at = now,
            },
            cancellationToken: cancellationToken));
        if (inserted > 0)
        {
            signal.Notify();
        }

        return inserted > 0;
    }

    public async Task<IReadOnlyList<OutboxEntry>> GetAsync(string? status, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT report_kind, period, scope, recipient, message_id, subject, status, attempts, next_attempt_at, sent_at, last_error
            FROM {Dialect.Table("outbox")}
            WHERE @status = '' OR status = @status
            ORDER BY enqueued_at, report_kind, period, scope, recipient
            """,
            new { status = status ?? string.Empty },
            cancellationToken: cancellationToken));
        var entries = new List<OutboxEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new OutboxEntry(
                new OutboxKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.GetString(6),
                Convert.ToInt32(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture),
                Dialect.ReadInstant(reader, 8),
                Dialect.ReadNullableInstant(reader, 9),
                reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return entries;
    }

    public async Task<IReadOnlyList<DeliveryLogEntry>> GetLogAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT report_kind, period, scope, recipient, message_id, attempt, logged_at, result, detail
            FROM {Dialect.Table("delivery_log")}
            ORDER BY id
            """,
            cancellationToken: cancellationToken));
        var entries = new List<DeliveryLogEntry>();
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new DeliveryLogEntry(
                new OutboxKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)),
                reader.GetString(4),
                Convert.ToInt32(reader.GetValue(5), System.Globalization.CultureInfo.InvariantCulture),
                Dialect.ReadInstant(reader, 6),
                reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return entries;
    }

    /// <summary>Mails due now, oldest first.</summary>
    internal async Task<IReadOnlyList<OutboxEntry>> DueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Kind, string Period, string Scope, string Recipient, string MessageId, string Subject, int Attempts)>(new CommandDefinition(
            $"""
            SELECT report_kind, period, scope, recipient, message_id, subject, attempts
            FROM {Dialect.Table("outbox")}
            WHERE status = @status AND next_attempt_at <= @now
            ORDER BY next_attempt_at, enqueued_at
            """,
            new { status = OutboxStatus.Pending, now = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
        return rows.Select(r => new OutboxEntry(new OutboxKey(r.Kind, r.Period, r.Scope, r.Recipient), r.MessageId, r.Subject, OutboxStatus.Pending, r.Attempts, default, null, null)).ToList();
    }

    /// <summary>Mails left "sending" longer than <paramref name="lease"/>: their worker stopped mid-send.</summary>
    internal async Task<IReadOnlyList<OutboxEntry>> StaleSendingAsync(TimeSpan lease, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - lease;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var keys = await connection.QueryAsync<(string Kind, string Period, string Scope, string Recipient, string MessageId, string Subject, int Attempts)>(new CommandDefinition(
            $"""
            SELECT report_kind, period, scope, recipient, message_id, subject, attempts
            FROM {Dialect.Table("outbox")}
            WHERE status = @status AND sending_at <= @cutoff
            """,
            new { status = OutboxStatus.Sending, cutoff = Dialect.ToDb(cutoff) },
            cancellationToken: cancellationToken));
        return keys.Select(k => new OutboxEntry(new OutboxKey(k.Kind, k.Period, k.Scope, k.Recipient), k.MessageId, k.Subject, OutboxStatus.Sending, k.Attempts, cutoff, null, null)).ToList();
    }

    /// <summary>
    /// Marks the mail "sending" if it is still pending, and returns its message; null when another worker
    /// took it first. Written and committed before the first byte goes to the mail server.
    /// </summary>
    internal async Task<MimeMessage?> ClaimAsync(OutboxKey key, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var claimed = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Dialect.Table("outbox")}
            SET status = @sending, sending_at = @now, attempts = attempts + 1
            WHERE report_kind = @ReportKind AND period = @Period AND scope = @Scope AND recipient = @Recipient AND status = @pending
            """,
            new { key.ReportKind, key.Period, key.Scope, key.Recipient, sending = OutboxStatus.Sending, pending = OutboxStatus.Pending, now = Dialect.ToDb(time.GetUtcNow()) },
            cancellationToken: cancellationToken));
        if (claimed == 0)
        {
            return null;
        }

        var bytes = await connection.ExecuteScalarAsync<byte[]>(new CommandDefinition(
            $"SELECT mime FROM {Dialect.Table("outbox")} WHERE report_kind = @ReportKind AND period = @Period AND scope = @Scope AND recipient = @Recipient",
            new { key.ReportKind, key.Period, key.Scope, key.Recipient },
            cancellationToken: cancellationToken));
        using var stream = new MemoryStream(bytes!);
        return await MimeMessage.LoadAsync(stream, cancellationToken);
    }

    internal Task MarkSentAsync(OutboxEntry entry, int attempt, string result, CancellationToken cancellationToken) =>
        SetStatusAsync(entry, OutboxStatus.Sent, attempt, result, null, null, cancellationToken);

    internal Task MarkUnconfirmedAsync(OutboxEntry entry, CancellationToken cancellationToken) =>
        SetStatusAsync(entry, OutboxStatus.Unconfirmed, entry.Attempts, OutboxStatus.Unconfirmed,
            "a worker stopped while sending; it may have gone out, so it is not sent again: check the mail server's log, then 'mail resend' it if it did not arrive", null, cancellationToken);

    internal Task MarkFailedAsync(OutboxEntry entry, int attempt, string error, CancellationToken cancellationToken) =>
        SetStatusAsync(entry, OutboxStatus.Failed, attempt, OutboxStatus.Failed, error, null, cancellationToken);

    /// <summary>Back to pending, due again at <paramref name="nextAttemptAt"/>; <paramref name="attempt"/> counts this try.</summary>
    internal Task RetryLaterAsync(OutboxEntry entry, int attempt, string error, DateTimeOffset nextAttemptAt, CancellationToken cancellationToken) =>
        SetStatusAsync(entry, OutboxStatus.Pending, attempt, "retry", error, nextAttemptAt, cancellationToken);

    /// <summary>
    /// Moves the mail on from the state <paramref name="entry"/> was read in, and logs the attempt; nothing when
    /// another worker or an operator moved it meanwhile (a late "retry" must not undo another worker's "sent").
    /// </summary>
    private async Task<bool> SetStatusAsync(
        OutboxEntry entry, string status, int attempt, string result, string? detail, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = entry.Key;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Dialect.Table("outbox")}
            SET status = @status, attempts = @attempt, last_error = @detail,
                sent_at = CASE WHEN @status = 'sent' THEN @now ELSE sent_at END,
                next_attempt_at = CASE WHEN @hasNext = 1 THEN @next ELSE next_attempt_at END
            WHERE report_kind = @ReportKind AND period = @Period AND scope = @Scope AND recipient = @Recipient AND status = @was
            """,
            new
            {
                key.ReportKind, key.Period, key.Scope, key.Recipient, status, attempt, detail,
                was = entry.Status,
                now = Dialect.ToDb(now),
                hasNext = nextAttemptAt is null ? 0 : 1,
                next = Dialect.ToDb(nextAttemptAt ?? now),
            },
            transaction,
            cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return false;
        }

        await LogAsync(connection, transaction, entry, attempt, now, result, detail, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private async Task LogAsync(
        System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, OutboxEntry entry, int attempt, DateTimeOffset now,
        string result, string? detail, CancellationToken cancellationToken)
    {
        var key = entry.Key;
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO {Dialect.Table("delivery_log")} (report_kind, period, scope, recipient, message_id, attempt, logged_at, result, detail)
            VALUES (@ReportKind, @Period, @Scope, @Recipient, @messageId, @attempt, @now, @result, @detail)
            """,
            new { key.ReportKind, key.Period, key.Scope, key.Recipient, messageId = entry.MessageId, attempt, now = Dialect.ToDb(now), result, detail },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Puts a failed or unconfirmed mail back in the queue, due now, with its attempts counted afresh: an operator's
    /// deliberate choice (<c>mail resend</c>), recorded in the delivery log. False when the mail is in another state.
    /// </summary>
    public async Task<bool> RequeueAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Status is not (OutboxStatus.Failed or OutboxStatus.Unconfirmed))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var key = entry.Key;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            $"""
            UPDATE {Dialect.Table("outbox")}
            SET status = @pending, attempts = 0, next_attempt_at = @now, sending_at = NULL, last_error = NULL
            WHERE report_kind = @ReportKind AND period = @Period AND scope = @Scope AND recipient = @Recipient AND status = @was
            """,
            new { key.ReportKind, key.Period, key.Scope, key.Recipient, pending = OutboxStatus.Pending, was = entry.Status, now = Dialect.ToDb(now) },
            transaction,
            cancellationToken: cancellationToken));
        if (updated == 0)
        {
            return false;
        }

        await LogAsync(connection, transaction, entry, entry.Attempts, now, "requeued",
            $"mail resend: was {entry.Status} after {entry.Attempts} attempts{(entry.LastError is null ? string.Empty : ": " + entry.LastError)}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
