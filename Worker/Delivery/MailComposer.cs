using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;

namespace Worker.Delivery;

/// <summary>Turns an <see cref="OutgoingMail"/> into the MIME message that is stored in the outbox and sent as it is.</summary>
public sealed class MailComposer(IOptions<DeliveryOptions> options, TimeProvider time)
{
    public MimeMessage Compose(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var from = MailAddresses.Parse(options.Value.From);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailAddresses.Parse(mail.Key.Recipient));
        message.Subject = mail.Subject;
        message.Date = time.GetUtcNow();
        message.MessageId = mail.Key.MessageId(from.Domain);

        var body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = mail.TextBody };
        foreach (var image in mail.InlineImages)
        {
            var part = body.LinkedResources.Add(image.FileName, image.Content.ToArray(), ContentType.Parse(image.MediaType));
            part.ContentId = image.ContentId;
            part.ContentDisposition = new ContentDisposition(ContentDisposition.Inline) { FileName = image.FileName };
        }

        foreach (var attachment in mail.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content.ToArray(), ContentType.Parse(attachment.MediaType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>A Content-ID for an inline image, when the caller has none of its own.</summary>
    public static string NewContentId() => MimeUtils.GenerateMessageId();
}
