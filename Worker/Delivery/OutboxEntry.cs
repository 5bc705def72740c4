namespace Worker.Delivery;

/// <summary>Where a mail stands in the outbox.</summary>
public static class OutboxStatus
{
    public const string Pending = "pending";
    public const string Sending = "sending";
    public const string Sent = "sent";
    public const string Failed = "failed";

    /// <summary>A worker stopped while sending it: it may have gone out, so it is not sent again without an operator.</summary>
    public const string Unconfirmed = "unconfirmed";
}

/// <summary>One outbox row without its message bytes.</summary>
public sealed record OutboxEntry(OutboxKey Key, string MessageId, string Subject, string Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError);

/// <summary>One line of the delivery log: what, to whom, when, and the result.</summary>
public sealed record DeliveryLogEntry(OutboxKey Key, string MessageId, int Attempt, DateTimeOffset LoggedAt, string Result, string? Detail);
