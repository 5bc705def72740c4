using System.Text;

namespace Reports.Email;

/// <summary>
/// A report mail as one HTML file an operator opens in a browser: the inline charts become data: URIs
/// (a browser cannot resolve cid: links), and a strip above the mail shows the subject and the
/// attachment, which a mail client would show in its header.
/// </summary>
public static class MailPreview
{
    public static string Html(EmailBody body, string? attachmentName)
    {
        ArgumentNullException.ThrowIfNull(body);
        var words = Text.Wording.For(body.Language);
        var html = new StringBuilder(body.Html);
        foreach (var image in body.Images)
        {
            html.Replace($"src=\"cid:{HtmlEmailWriter.Text(image.ContentId)}\"", $"src=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\"");
        }

        var strip = new StringBuilder("<div style=\"box-sizing:border-box;max-width:640px;margin:0 auto;padding:8px 16px;background:#e9eef3;font-family:'DejaVu Sans',Arial,sans-serif;font-size:12px;color:#3b4b5b;overflow-wrap:break-word;\">")
            .Append("<strong>").Append(HtmlEmailWriter.Text(words["Preview.Title"])).Append("</strong> &middot; ").Append(HtmlEmailWriter.Text(words.Format("Preview.Subject", body.Subject)));
        if (attachmentName is not null)
        {
            strip.Append("<br>").Append(HtmlEmailWriter.Text(words.Format("Preview.Attachment", attachmentName)));
        }

        strip.Append("</div>");
        var text = html.ToString();
        var bodyStart = text.IndexOf("<body", StringComparison.Ordinal);
        var insertAt = bodyStart < 0 ? -1 : text.IndexOf('>', bodyStart);
        return insertAt < 0 ? strip + text : text.Insert(insertAt + 1, strip.ToString());
    }
}
