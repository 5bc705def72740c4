using System.Globalization;
using System.Text;
using System.Net;
using Reports.Charts;
using Reports.Layout;

namespace Reports.Email;

/// <summary>
/// Writes a simple, mail-client-safe HTML body: inline styles, one column, tables for figures. Every
/// piece of text goes through <see cref="Text"/>, which removes control characters and HTML-escapes,
/// so ticket titles and names can never become markup.
/// </summary>
internal sealed class HtmlEmailWriter
{
    private readonly StringBuilder _html = new();
    private readonly StringBuilder _plain = new();
    private readonly List<InlineImage> _images = [];

    /// <param name="language">The body's language ("en", "nl"): the html element says it, for screen readers and translators.</param>
    private readonly string _language;

    public HtmlEmailWriter(string title, string subtitle, string language = "en")
    {
        _language = language;
        // Phones: the viewport tag stops a 980 px layout being shrunk to fit; the column is fluid up to
        // 640 px, long words (names, ticket titles) wrap, and images shrink with max-width. No fixed
        // width anywhere is wider than a 320 px screen.
        _html.Append("<!DOCTYPE html><html lang=\"").Append(Text(language)).Append("\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Append(Text(title)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background:#f4f6f8;\">")
            .Append("<div style=\"box-sizing:border-box;max-width:640px;margin:0 auto;padding:16px;background:#ffffff;font-family:'DejaVu Sans',Arial,sans-serif;color:#1f2d3d;font-size:14px;line-height:1.45;overflow-wrap:break-word;word-wrap:break-word;\">")
            .Append("<h1 style=\"font-size:22px;margin:0 0 4px 0;color:#1b3a5c;\">").Append(Text(title)).Append("</h1>")
            .Append("<p style=\"margin:0 0 16px 0;color:#5b6b7b;\">").Append(Text(subtitle)).Append("</p>");
        _plain.AppendLine(Plain(title)).AppendLine(Plain(subtitle)).AppendLine();
    }

    public HtmlEmailWriter Heading(string text)
    {
        _html.Append("<h2 style=\"font-size:16px;margin:20px 0 8px 0;color:#1b3a5c;\">").Append(Text(text)).Append("</h2>");
        _plain.AppendLine(Plain(text)).AppendLine(new string('-', Math.Min(60, Plain(text).Length)));
        return this;
    }

    public HtmlEmailWriter Paragraph(string text, bool muted = false)
    {
        _html.Append("<p style=\"margin:0 0 12px 0;").Append(muted ? "color:#5b6b7b;font-size:12px;" : "").Append("\">").Append(Text(text)).Append("</p>");
        _plain.AppendLine(Plain(text)).AppendLine();
        return this;
    }

    public HtmlEmailWriter Figures(IEnumerable<(string Label, string Value, string? Change)> figures)
    {
        _html.Append("<table role=\"presentation\" style=\"border-collapse:collapse;width:100%;max-width:100%;margin:0 0 12px 0;\">");
        foreach (var (label, value, change) in figures)
        {
            _html.Append("<tr><td style=\"padding:4px 8px;border-bottom:1px solid #e3e8ee;\">").Append(Text(label)).Append("</td>")
                .Append("<td style=\"padding:4px 8px;border-bottom:1px solid #e3e8ee;text-align:right;font-weight:bold;white-space:nowrap;\">").Append(Text(value)).Append("</td>")
                .Append("<td style=\"padding:4px 8px;border-bottom:1px solid #e3e8ee;text-align:right;color:#5b6b7b;font-size:12px;\">").Append(Text(change ?? "")).Append("</td></tr>");
            _plain.Append("  ").Append(Plain(label)).Append(": ").Append(Plain(value)).AppendLine(change is null ? "" : $" ({Plain(change)})");
        }

        _html.Append("</table>");
        _plain.AppendLine();
        return this;
    }

    public HtmlEmailWriter Box(string? title, IEnumerable<string> lines, string colour)
    {
        _html.Append("<div style=\"border-left:4px solid ").Append(colour).Append(";background:#f7f9fb;padding:8px 12px;margin:0 0 12px 0;\">");
        if (title is not null)
        {
            _html.Append("<strong>").Append(Text(title)).Append("</strong><br>");
            _plain.AppendLine(Plain(title));
        }

        _html.Append(string.Join("<br>", lines.Select(Text))).Append("</div>");
        foreach (var line in lines)
        {
            _plain.Append("  - ").AppendLine(Plain(line));
        }

        _plain.AppendLine();
        return this;
    }

    public HtmlEmailWriter List(IEnumerable<string> items)
    {
        _html.Append("<ul style=\"margin:0 0 12px 0;padding-left:20px;\">");
        foreach (var item in items)
        {
            _html.Append("<li>").Append(Text(item)).Append("</li>");
            _plain.Append("  - ").AppendLine(Plain(item));
        }

        _html.Append("</ul>");
        _plain.AppendLine();
        return this;
    }

    /// <summary>
    /// A chart drawn for a phone: 460 px wide, so on a 390 px screen it shrinks only to about 80 %
    /// and its labels stay readable (a 600 px chart shrank to 60 %). Drawn at 1.5 times the pixels:
    /// sharp enough on high-DPI screens, and the PNG stays near 35 KB, which keeps the weekly mail
    /// with its PDF under 200 KB (at twice the pixels the chart alone was 60 KB).
    /// </summary>
    public HtmlEmailWriter Chart(string name, IChart chart, int height, string alt) =>
        Image(name, ChartRenderer.ToPng(chart, ChartWidth * 3 / 2, height * 3 / 2, 1.5f), alt, ChartWidth);

    internal const int ChartWidth = 460;

    /// <summary>An inline chart: a PNG attached to the mail and shown at <paramref name="displayWidth"/> (fewer than its pixels: sharp on high-DPI screens).</summary>
    public HtmlEmailWriter Image(string name, byte[] png, string alt, int displayWidth)
    {
        var contentId = string.Create(CultureInfo.InvariantCulture, $"{name}-{_images.Count + 1}@workload-report");
        _images.Add(new InlineImage(contentId, name + ".png", png, alt));
        _html.Append("<p style=\"margin:0 0 12px 0;\"><img src=\"cid:").Append(Text(contentId)).Append("\" alt=\"").Append(Text(alt))
            .Append("\" width=\"").Append(displayWidth.ToString(CultureInfo.InvariantCulture)).Append("\" style=\"display:block;max-width:100%;height:auto;\"></p>");
        _plain.Append('[').Append(Plain(alt)).AppendLine("]").AppendLine();
        return this;
    }

    public EmailBody Finish(string subject)
    {
        _html.Append("</div></body></html>");
        return new EmailBody(ReportText.CleanSingleLine(subject), _html.ToString(), _plain.ToString(), _images) { Language = _language };
    }

    internal static string Text(string? text) => WebUtility.HtmlEncode(ReportText.Clean(text ?? ""));

    private static string Plain(string? text) => ReportText.Clean(text ?? "");
}
