namespace Worker.Delivery;

/// <summary>
/// One mail to one recipient, as the report jobs hand it to <see cref="Outbox.EnqueueAsync"/>: an HTML body
/// whose images are inline parts referenced as <c>&lt;img src="cid:ContentId"&gt;</c>, and attachments (the PDFs).
/// </summary>
public sealed record OutgoingMail
{
    /// <summary>Report kind, period, scope and recipient; <see cref="OutboxKey.Recipient"/> is the To address.</summary>
    public required OutboxKey Key { get; init; }

    public required string Subject { get; init; }

    public required string HtmlBody { get; init; }

    /// <summary>Plain-text alternative for clients that do not show HTML; optional.</summary>
    public string? TextBody { get; init; }

    public IReadOnlyList<InlineImage> InlineImages { get; init; } = [];

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];
}

/// <summary>An image shown in the HTML body: referenced there as <c>cid:{ContentId}</c>.</summary>
public sealed record InlineImage(string ContentId, string FileName, ReadOnlyMemory<byte> Content, string MediaType = "image/png");

/// <summary>A file attached to the mail (a report PDF).</summary>
public sealed record MailAttachment(string FileName, ReadOnlyMemory<byte> Content, string MediaType = "application/pdf");
