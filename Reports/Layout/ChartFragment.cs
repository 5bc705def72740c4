using SkiaSharp;

namespace Reports.Layout;

/// <summary>A chart slot: the drawing callback gets the chart's exact rectangle; the caption goes under it.</summary>
internal sealed class ChartFragment(ChartSlot slot, float chartHeight, string? caption)
    : Fragment(chartHeight + (caption is null ? 0 : ReportTheme.Caption.LineHeight + 3f))
{
    public override void Draw(DrawContext context, SKRect box)
    {
        var chartRect = new SKRect(box.Left, box.Top, box.Right, box.Top + chartHeight);
        var canvas = context.Canvas;
        int saved = canvas.Save();
        canvas.ClipRect(chartRect);
        slot.Draw(canvas, chartRect);
        canvas.RestoreToCount(saved);

        if (caption is not null)
        {
            float top = chartRect.Bottom + 3f;
            context.Painter.Draw(canvas, caption, box.Left, top + context.Painter.BaselineOffset(ReportTheme.Caption), ReportTheme.Caption);
        }
    }
}
