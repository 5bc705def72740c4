using System.Globalization;
using Reports.Layout;
using ScottPlot;
using ScottPlot.Rendering.RenderActions;
using SkiaSharp;

namespace Reports.Charts;

/// <summary>
/// A chart drawn by ScottPlot: each Draw builds a fresh Plot (Plot is neither thread-safe nor
/// reusable across sizes) from the captured, immutable input.
/// </summary>
/// <param name="culture">How numbers on the axes read: "3.500" in a Dutch report, "3,500" in an English one.</param>
internal sealed class PlotChart(ReportFonts fonts, string title, CultureInfo culture, Action<Plot, ChartText> configure) : IChart
{
    public string Title { get; } = title;

    public void Draw(SKCanvas canvas, SKRect rect)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (rect.Width < 2 || rect.Height < 2)
        {
            return;
        }

        // A dry run collects every label, so the chart's face can be one that has all their glyphs.
        var labels = ChartText.Collecting();
        using (var dry = new Plot())
        {
            labels.Clean(Title);
            configure(dry, labels);
        }

        var face = ChartFace.For(fonts, labels.Seen);
        using var plot = new Plot();

        // ScottPlot clears the whole canvas before it renders, which on a PDF page would wipe
        // everything drawn before the chart.
        plot.RenderManager.ClearCanvasBeforeEachRender = false;
        plot.RenderManager.RenderActions.RemoveAll(a => a is ClearCanvas);

        var text = ChartText.DrawnWith(face);
        PlotTheme.Apply(plot, face, Fitted(text.Clean(Title), rect.Width));
        configure(plot, text);
        NumbersIn(plot, culture);

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

    /// <summary>
    /// The title as it fits the chart's width: on one line, else wrapped to two (a long team name goes to the second
    /// line), the second cut with an ellipsis. ScottPlot centres a title that is too wide and loses both its ends.
    /// </summary>
    private string Fitted(string title, float width)
    {
        using var painter = new TextPainter(fonts);
        var style = new TextStyle(PlotTheme.TitleSize, true, ChartPalette.Ink.ToSKColor());
        var room = Math.Max(20f, width - 16f);
        if (painter.Measure(title, style) <= room)
        {
            return title;
        }

        var lines = LineBreaker.Wrap(painter, title, style, room);
        return lines.Count <= 2
            ? string.Join("\n", lines)
            : lines[0] + "\n" + LineBreaker.Ellipsize(painter, string.Join(" ", lines.Skip(1)), style, room, force: true);
    }

    /// <summary>ScottPlot writes tick numbers in the thread's culture; a report writes them in its readers'.</summary>
    private static void NumbersIn(Plot plot, CultureInfo culture)
    {
        foreach (var axis in new IAxis[] { plot.Axes.Left, plot.Axes.Right, plot.Axes.Bottom })
        {
            if (axis.TickGenerator is ScottPlot.TickGenerators.NumericAutomatic numeric)
            {
                numeric.LabelFormatter = value => value.ToString("#,0.###", culture);
            }
        }
    }
}

/// <summary>
/// Makes chart labels drawable with one typeface (ScottPlot has no per-character fallback): on the dry run it
/// only collects them; on the real one it drops what the chart's face cannot draw, as '?'.
/// </summary>
internal sealed class ChartText
{
    private readonly ChartFace? _face;
    private readonly List<string> _seen = [];

    private ChartText(ChartFace? face) => _face = face;

    /// <summary>The labels met on a collecting run, cleaned.</summary>
    public IReadOnlyCollection<string> Seen => _seen;

    public static ChartText Collecting() => new(null);

    public static ChartText DrawnWith(ChartFace face) => new(face);

    public string Clean(string? text)
    {
        string cleaned = ReportText.CleanSingleLine(text);
        if (_face is null)
        {
            _seen.Add(cleaned);
            return cleaned;
        }

        return _face.Drawable(cleaned);
    }

    /// <summary>Cleaned and cut to a length that fits an axis label.</summary>
    public string Short(string? text, int maxLength)
    {
        string clean = Clean(text);
        return clean.Length <= maxLength ? clean : clean[..Math.Max(1, maxLength - 1)].TrimEnd() + "\u2026";
    }
}
