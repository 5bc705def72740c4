using SkiaSharp;

namespace Reports.Layout;

/// <summary>
/// Measures and draws text through <see cref="GlyphRuns"/>, so the width used for wrapping is the
/// width that is drawn. One per render: it caches SKFont objects and is not thread-safe.
/// </summary>
internal sealed class TextPainter : IDisposable
{
    private readonly Dictionary<(SKTypeface Typeface, float Size, bool Embolden), SKFont> fontCache = [];
    private readonly SKPaint paint = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public TextPainter(ReportFonts fonts)
    {
        Fonts = fonts;
    }

    public ReportFonts Fonts { get; }

    public float Measure(string text, TextStyle style)
    {
        if (text.Length == 0)
        {
            return 0;
        }

        float width = 0;
        foreach (var run in GlyphRuns.Split(text, Fonts, style.Bold))
        {
            width += FontFor(run.Typeface, style).MeasureText(run.Text);
        }

        return width;
    }

    /// <summary>Draws one line of text with its baseline at <paramref name="baseline"/>.</summary>
    public void Draw(SKCanvas canvas, string text, float x, float baseline, TextStyle style)
    {
        paint.Color = style.Color;
        foreach (var run in GlyphRuns.Split(text, Fonts, style.Bold))
        {
            var font = FontFor(run.Typeface, style);
            canvas.DrawText(run.Text, x, baseline, SKTextAlign.Left, font, paint);
            x += font.MeasureText(run.Text);
        }
    }

    /// <summary>Distance from the top of a line box to its baseline, centring the report font's glyphs in the box.</summary>
    public float BaselineOffset(TextStyle style)
    {
        var metrics = FontFor(Fonts.Typeface(style.Bold), style).Metrics;
        float ascent = -metrics.Ascent;
        float descent = metrics.Descent;
        return ((style.LineHeight - (ascent + descent)) / 2f) + ascent;
    }

    public void Dispose()
    {
        foreach (var font in fontCache.Values)
        {
            font.Dispose();
        }

        fontCache.Clear();
        paint.Dispose();
    }

    private SKFont FontFor(SKTypeface typeface, TextStyle style)
    {
        // A family without a bold face is emboldened synthetically rather than drawn regular.
        bool embolden = style.Bold && !typeface.IsBold && typeface.FontWeight < 600;
        var key = (typeface, style.Size, embolden);
        if (!fontCache.TryGetValue(key, out var font))
        {
            font = new SKFont(typeface, style.Size)
            {
                Embolden = embolden,
                Subpixel = true,
                LinearMetrics = true,
                Hinting = SKFontHinting.None,
            };
            fontCache[key] = font;
        }

        return font;
    }
}
