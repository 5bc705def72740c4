namespace Worker.Delivery;

/// <summary>What a failed attempt means for the mail, and so what the dispatcher does with it.</summary>
public enum DeliveryFailureKind
{
    /// <summary>The server is down, busy or answered 4xx: the mail is tried again after the backoff, counting attempts.</summary>
    Temporary,

    /// <summary>The server refused this message for good (5xx for its recipient or content): the mail is failed, the others go on.</summary>
    MailRefused,

    /// <summary>
    /// The settings cannot work with this server (no STARTTLS, no AUTH, wrong password): no mail can go out until
    /// an operator changes them, so every due mail is failed with the setting to change, for <c>mail resend</c> later.
    /// </summary>
    Settings,
}

/// <summary>A send or session that failed, with a reason an operator can act on (it is stored as the mail's last error).</summary>
public sealed class DeliveryException(DeliveryFailureKind kind, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public DeliveryFailureKind Kind { get; } = kind;

    /// <summary>Not a failure the transport knows (a bug, a full disk): its stack trace is worth logging once.</summary>
    public bool Unexpected { get; private init; }

    /// <summary>
    /// Any other fault of a transport (a full disk, a bug): tried again later, so the attempts are counted and the
    /// mail ends failed after <see cref="DeliveryOptions.MaxAttempts"/> instead of blocking the outbox.
    /// </summary>
    public static DeliveryException From(Exception exception) => exception as DeliveryException
        ?? new DeliveryException(DeliveryFailureKind.Temporary, $"{exception.GetType().Name}: {exception.Message}", exception) { Unexpected = true };
}
