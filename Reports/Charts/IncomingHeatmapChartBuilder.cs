using System.Globalization;
using Reports.Layout;
using Reports.Text;
using ScottPlot;

namespace Reports.Charts;

/// <summary>
/// Incoming work by weekday (rows, Monday on top) and hour of day (columns) as a 7 x 24 heat map.
/// Cells are vector rectangles, so the map stays sharp in print; the legend gives the bins.
/// </summary>
public sealed class IncomingHeatmapChartBuilder(ReportFonts fonts, Wording? words = null)
{
    private static readonly DayOfWeek[] Days =
    [
        DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday,
    ];

    public IChart Build(IReadOnlyList<WeekdayHourCount> counts, string? title = null)
    {
        var t = words ?? Wording.English;
        title ??= t["Chart.Heatmap.Title"];
        ArgumentNullException.ThrowIfNull(counts);
        var grid = new int[7, 24];
        foreach (var c in counts.Where(c => c.Hour is >= 0 and < 24 && c.Count > 0))
        {
            grid[Array.IndexOf(Days, c.Day), c.Hour] += c.Count;
        }

        int max = grid.Cast<int>().Max();
        if (max == 0)
        {
            return new NoDataChart(fonts, title, t["Chart.NoData"]);
        }

        return new PlotChart(fonts, title, t.Culture, (plot, text) =>
        {
            for (int d = 0; d < 7; d++)
            {
                for (int h = 0; h < 24; h++)
                {
                    double y = 6 - d;
                    var cell = plot.Add.Rectangle(h, h + 1, y, y + 1);
                    cell.FillColor = Shade(grid[d, h] / (double)max);
                    cell.LineColor = Colors.White;
                    cell.LineWidth = 0.75f;
                }
            }

            plot.Axes.Left.SetTicks(
                Enumerable.Range(0, 7).Select(d => 6 - d + 0.5).ToArray(),
                Days.Select(d => t.Culture.DateTimeFormat.GetAbbreviatedDayName(d)).ToArray());
            plot.Axes.Bottom.SetTicks(
                Enumerable.Range(0, 12).Select(i => (i * 2) + 0.5).ToArray(),
                Enumerable.Range(0, 12).Select(i => (i * 2).ToString("00", CultureInfo.InvariantCulture)).ToArray());
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Bottom.MajorTickStyle.Length = 0;
            plot.Axes.Bottom.Label.Text = text.Clean(t["Chart.Axis.HourOfDay"]);
            plot.Grid.IsVisible = false;
            plot.Axes.SetLimits(0, 24, 0, 7);

            foreach (var (label, fraction) in LegendBins(max, t))
            {
                plot.Legend.ManualItems.Add(new LegendItem
                {
                    LabelText = label,
                    FillColor = Shade(fraction),
                    LineColor = ChartPalette.Frame,
                    LineWidth = 0.5f,
                });
            }

            PlotTheme.ShowLegend(plot, plot.Legend.ManualItems.Count);
        });
    }

    private static Color Shade(double fraction) =>
        ChartPalette.HeatLow.InterpolateRgb(ChartPalette.HeatHigh, Math.Clamp(fraction, 0, 1));

    private static IEnumerable<(string Label, double Fraction)> LegendBins(int max, Wording t)
    {
        yield return ("0", 0);
        int quarter = Math.Max(1, max / 4);
        yield return (string.Create(CultureInfo.InvariantCulture, $"{quarter}"), quarter / (double)max);
        if (max / 2 > quarter)
        {
            yield return (string.Create(CultureInfo.InvariantCulture, $"{max / 2}"), (max / 2) / (double)max);
        }

        yield return (t.Format("Chart.Heatmap.PerHour", max), 1);
    }
}
