using System.Globalization;
using SkiaSharp;

namespace Reports.Layout;

/// <summary>The running header and footer drawn on every page, inside the page margins' outer band.</summary>
internal sealed class PageChrome(PageSetup page, PageHeaderInfo header, DateTimeOffset generatedAt)
{
    private const float Gap = 12f;

    public void Draw(DrawContext context, int pageNumber, int pageCount)
    {
        var canvas = context.Canvas;
        var painter = context.Painter;
        float left = page.MarginLeft;
        float right = page.Width - page.MarginRight;
        float width = right - left;

        int saved = canvas.Save();
        canvas.ClipRect(new SKRect(left, 0, right, page.Height));

        using var rule = new SKPaint { Color = ReportTheme.Rule, StrokeWidth = 0.75f, Style = SKPaintStyle.Stroke, IsAntialias = true };

        // Header: title left, scope and period right, a rule under both.
        float headerRule = page.MarginTop - 22f;
        float headerTop = headerRule - 6f - ReportTheme.HeaderTitle.LineHeight;
        string title = LineBreaker.Ellipsize(painter, ReportText.CleanSingleLine(header.ReportTitle), ReportTheme.HeaderTitle, width * 0.58f);
        painter.Draw(canvas, title, left, headerTop + painter.BaselineOffset(ReportTheme.HeaderTitle), ReportTheme.HeaderTitle);
        float titleWidth = painter.Measure(title, ReportTheme.HeaderTitle);
        string scope = string.Join(" \u00B7 ", new[] { header.Scope, header.Period }
            .Select(ReportText.CleanSingleLine)
            .Where(s => s.Length > 0));
        scope = LineBreaker.Ellipsize(painter, scope, ReportTheme.HeaderScope, Math.Max(0, width - titleWidth - Gap));
        float scopeWidth = painter.Measure(scope, ReportTheme.HeaderScope);
        painter.Draw(canvas, scope, right - scopeWidth, headerTop + painter.BaselineOffset(ReportTheme.HeaderTitle), ReportTheme.HeaderScope);
        canvas.DrawLine(left, headerRule, right, headerRule, rule);

        // Footer: when it was made and how fresh the data is, then the page number.
        float footerRule = page.Height - page.MarginBottom + 22f;
        float footerTop = footerRule + 5f;
        var words = header.Words;
        string pageText = words.Format("Page.Number", pageNumber, pageCount);
        float pageWidth = painter.Measure(pageText, ReportTheme.Footer);
        string stamp = words.Format("Page.Stamp", FormatTime(generatedAt), FormatTime(header.DataAsOf));
        stamp = LineBreaker.Ellipsize(painter, stamp, ReportTheme.Footer, Math.Max(0, width - pageWidth - Gap));
        canvas.DrawLine(left, footerRule, right, footerRule, rule);
        float baseline = footerTop + painter.BaselineOffset(ReportTheme.Footer);
        painter.Draw(canvas, stamp, left, baseline, ReportTheme.Footer);
        painter.Draw(canvas, pageText, right - pageWidth, baseline, ReportTheme.Footer);

        canvas.RestoreToCount(saved);
    }

    private string FormatTime(DateTimeOffset instant)
    {
        var zone = header.TimeZone ?? TimeZoneInfo.Utc;
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        string suffix = zone == TimeZoneInfo.Utc
            ? "UTC"
            : "UTC" + local.ToString("zzz", CultureInfo.InvariantCulture);
        return local.ToString(header.Words["Format.Stamp"], header.Words.Culture) + " " + suffix;
    }
}
