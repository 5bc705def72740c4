using ScottPlot;

namespace Reports.Charts;

/// <summary>The common look of every chart: report font, sizes readable on A4, light grid, no chart junk.</summary>
internal static class PlotTheme
{
    public const float TitleSize = 10.5f;
    public const float AxisLabelSize = 8.5f;
    public const float TickLabelSize = 7.5f;
    public const float LegendSize = 7.5f;

    public static void Apply(Plot plot, ChartFace face, string title)
    {
        string fontName = ScottPlotFonts.NameFor(face);
        plot.Font.Set(fontName, FontWeight.Normal, FontSlant.Upright, FontSpacing.Normal);

        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;

        plot.Axes.Title.Label.Text = title;
        plot.Axes.Title.Label.FontSize = TitleSize;
        plot.Axes.Title.Label.Bold = true;
        plot.Axes.Title.Label.Font = face.Bold;
        plot.Axes.Title.Label.ForeColor = ChartPalette.Ink;

        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = AxisLabelSize;
            axis.Label.Bold = false;
            axis.Label.ForeColor = ChartPalette.MutedText;
            axis.TickLabelStyle.FontSize = TickLabelSize;
            axis.TickLabelStyle.ForeColor = ChartPalette.Ink;
            axis.MajorTickStyle.Color = ChartPalette.Frame;
            axis.MinorTickStyle.Length = 0;
            axis.FrameLineStyle.Color = ChartPalette.Frame;
            axis.FrameLineStyle.Width = 0.8f;
        }

        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;

        plot.Grid.MajorLineColor = ChartPalette.Grid;
        plot.Grid.MajorLineWidth = 0.6f;
        plot.Grid.XAxisStyle.IsVisible = false;

        plot.Legend.FontName = fontName;
        plot.Legend.FontSize = LegendSize;
        plot.Legend.FontColor = ChartPalette.Ink;
        plot.Legend.OutlineColor = Colors.Transparent;
        plot.Legend.BackgroundColor = Colors.White.WithAlpha(0.85);
        plot.Legend.ShadowColor = Colors.Transparent;
    }

    /// <summary>
    /// Legend outside the data area, where it never covers data: a row underneath for up to three
    /// entries, a column on the right for more. (ScottPlot can under-measure a legend row that
    /// wraps, cutting off its last line, so rows are only used where they do not wrap.)
    /// </summary>
    public static void ShowLegend(Plot plot, int entries)
    {
        bool row = entries <= 3;
        var panel = plot.ShowLegend(row ? Edge.Bottom : Edge.Right);
        panel.Padding = row ? new PixelPadding(0, 0, 2, 0) : new PixelPadding(4, 0, 0, 0);
        plot.Legend.Orientation = row ? Orientation.Horizontal : Orientation.Vertical;
        plot.Legend.TightHorizontalWrapping = true;
        plot.Legend.Padding = new PixelPadding(2);
        plot.Legend.Margin = new PixelPadding(0);
        plot.Legend.InterItemPadding = new PixelPadding(10, 4);
    }
}
