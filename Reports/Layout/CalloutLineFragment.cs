using SkiaSharp;

namespace Reports.Layout;

/// <summary>
/// One line of a callout box. The box is drawn slice by slice, so a long callout can continue on
/// the next page and still look like one box on each.
/// </summary>
internal sealed class CalloutLineFragment(string text, TextStyle style, CalloutSeverity severity, bool first, bool last)
    : Fragment(style.LineHeight + (first ? PaddingY : 0) + (last ? PaddingY : 0))
{
    public const float PaddingY = 7f;
    public const float PaddingLeft = 14f;
    public const float PaddingRight = 10f;
    private const float BarWidth = 3.5f;

    public override void Draw(DrawContext context, SKRect box)
    {
        var canvas = context.Canvas;
        using (var background = new SKPaint { Color = ReportTheme.SeverityBackground(severity) })
        {
            canvas.DrawRect(box, background);
        }

        using (var bar = new SKPaint { Color = ReportTheme.SeverityColor(severity) })
        {
            canvas.DrawRect(new SKRect(box.Left, box.Top, box.Left + BarWidth, box.Bottom), bar);
        }

        float top = box.Top + (first ? PaddingY : 0);
        context.Painter.Draw(canvas, text, box.Left + PaddingLeft, top + context.Painter.BaselineOffset(style), style);
    }
}
