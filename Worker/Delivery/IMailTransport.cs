using MimeKit;

namespace Worker.Delivery;

/// <summary>How mail leaves the worker: an SMTP server, or a folder of .eml files.</summary>
public interface IMailTransport
{
    /// <summary>
    /// Opens a session (for SMTP: connect, STARTTLS, authenticate). Throws <see cref="DeliveryException"/> saying
    /// whether to try again later or which setting cannot work.
    /// </summary>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Whether a message whose sending was interrupted arrived after all: true or false when the transport can
    /// tell (a file exists or not), null when it cannot (SMTP has no way to ask).
    /// </summary>
    bool? WasDelivered(OutboxKey key, string messageId);
}

public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, OutboxKey key, CancellationToken cancellationToken);
}
