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
public sealed record OutboxEntry(OutboxKey Key, string MessageId, string Subject, string Status, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string? LastError)
{
    /// <summary>Length of <see cref="Id"/>: 40 bits of the key's hash, unique in any outbox an operator will see.</summary>
    public const int IdLength = 10;

    /// <summary>The mail's short name for <c>mail list</c> and <c>mail resend</c>: the start of its Message-ID.</summary>
    public string Id => ShortId(MessageId);

    /// <summary>
    /// The first hex digits of a Message-ID, which <see cref="OutboxKey.MessageId"/> derives from the key alone: the
    /// same for every attempt and every worker, and findable in the mail server's log.
    /// </summary>
    public static string ShortId(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var bare = messageId.Trim('<', '>');
        return bare[..Math.Min(IdLength, bare.Length)];
    }
}

/// <summary>One line of the delivery log: what, to whom, when, and the result.</summary>
public sealed record DeliveryLogEntry(OutboxKey Key, string MessageId, int Attempt, DateTimeOffset LoggedAt, string Result, string? Detail);
