using SkiaSharp;

namespace Reports.Layout;

/// <summary>One wrapped line of a heading, paragraph or bullet item.</summary>
internal sealed class TextLineFragment(string text, TextStyle style, float indent, bool bullet) : Fragment(style.LineHeight)
{
    public string Text { get; } = text;

    public override void Draw(DrawContext context, SKRect box)
    {
        float baseline = box.Top + context.Painter.BaselineOffset(style);
        if (bullet)
        {
            // A drawn dot rather than U+2022, so the bullet never depends on the font.
            using var paint = new SKPaint { Color = ReportTheme.Accent, IsAntialias = true };
            context.Canvas.DrawCircle(box.Left + indent - 9f, box.Top + (style.LineHeight / 2f), style.Size * 0.17f, paint);
        }

        context.Painter.Draw(context.Canvas, Text, box.Left + indent, baseline, style);
    }
}
