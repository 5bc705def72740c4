using Reports.Layout;
using ScottPlot;
using ScottPlot.Rendering.RenderActions;
using SkiaSharp;

namespace Reports.Charts;

/// <summary>
/// A chart drawn by ScottPlot: each Draw builds a fresh Plot (Plot is neither thread-safe nor
/// reusable across sizes) from the captured, immutable input.
/// </summary>
internal sealed class PlotChart(ReportFonts fonts, string title, Action<Plot, ChartText> configure) : IChart
{
    public string Title { get; } = title;

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (rect.Width < 2 || rect.Height < 2)
        {
            return;
        }

        using var plot = new Plot();

        // ScottPlot clears the whole canvas before it renders, which on a PDF page would wipe
        // everything drawn before the chart.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.RenderManager.RenderActions.RemoveAll(a => a is ClearCanvas);

        var text = new ChartText(fonts);
        PlotTheme.Apply(plot, fonts, text.Clean(Title));
        configure(plot, text);

        var size = new PixelRect(rect.Width, rect.Height);

        // ScottPlot renders again when the first render changed the axis limits; settle the layout
        // on a canvas that draws nothing so the PDF gets one copy of every label.
        using (var probe = new SKNoDrawCanvas((int)MathF.Ceiling(rect.Width), (int)MathF.Ceiling(rect.Height)))
        {
            plot.Render(probe, size);
        }

        int saved = canvas.Save();
        canvas.ClipRect(rect);
        canvas.Translate(rect.Left, rect.Top);
        plot.Render(canvas, size);
        canvas.RestoreToCount(saved);
    }
}

/// <summary>Makes chart labels drawable with the report font alone (ScottPlot has no per-character fallback).</summary>
internal sealed class ChartText(ReportFonts fonts)
{
    public string Clean(string? text) => fonts.ForSingleTypeface(text);

    /// <summary>Cleaned and cut to a length that fits an axis label.</summary>
    public string Short(string? text, int maxLength)
    {
        string clean = Clean(text);
        return clean.Length <= maxLength ? clean : clean[..Math.Max(1, maxLength - 1)].TrimEnd() + "\u2026";
    }
}
