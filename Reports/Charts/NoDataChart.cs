using Reports.Layout;
using SkiaSharp;

namespace Reports.Charts;

/// <summary>What a chart shows when its period has no data: its title and a plain sentence, never an empty axis.</summary>
internal sealed class NoDataChart(ReportFonts fonts, string title, string message) : IChart
{
    /// <summary>The sentence in the chart's place, in the readers' language.</summary>
    public string Message { get; } = message;

    public string Title { get; } = title;

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        using var painter = new TextPainter(fonts);
        int saved = canvas.Save();
        canvas.ClipRect(rect);

        using (var frame = new SKPaint { Color = ChartPalette.Grid.ToSKColor(), Style = SKPaintStyle.Stroke, StrokeWidth = 1f, IsAntialias = true })
        {
            var inner = rect;
            inner.Inflate(-0.5f, -0.5f);
            canvas.DrawRect(inner, frame);
        }

        var titleStyle = new TextStyle(PlotTheme.TitleSize, true, ChartPalette.Ink.ToSKColor());
        string shownTitle = LineBreaker.Ellipsize(painter, ReportText.CleanSingleLine(Title), titleStyle, rect.Width - 16f);
        float titleWidth = painter.Measure(shownTitle, titleStyle);
        painter.Draw(canvas, shownTitle, rect.MidX - (titleWidth / 2f), rect.Top + 8f + painter.BaselineOffset(titleStyle), titleStyle);

        var messageStyle = new TextStyle(PlotTheme.AxisLabelSize + 1f, false, ChartPalette.MutedText.ToSKColor());
        float messageWidth = painter.Measure(Message, messageStyle);
        painter.Draw(canvas, Message, rect.MidX - (messageWidth / 2f), rect.MidY - (messageStyle.LineHeight / 2f) + painter.BaselineOffset(messageStyle), messageStyle);

        canvas.RestoreToCount(saved);
    }
}
