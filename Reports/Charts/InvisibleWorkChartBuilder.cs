using Reports.Layout;
using Reports.Text;
using ScottPlot;

namespace Reports.Charts;

/// <summary>Each week's work split by category as stacked bars of 100 %, so the share of behind-the-scenes work is visible.</summary>
public sealed class InvisibleWorkChartBuilder(ReportFonts fonts, Wording? words = null)
{
    private const int MaxCategoryLength = 32;

    public IChart Build(IReadOnlyList<InvisibleWorkWeek> weeks, string? title = null)
    {
        var t = words ?? Wording.English;
        title ??= t["Chart.Work.Title"];
        ArgumentNullException.ThrowIfNull(weeks);
        var ordered = weeks.OrderBy(w => w.Week).ToList();
        var totals = ordered.Select(w => w.Categories.Where(c => c.Amount > 0 && double.IsFinite(c.Amount)).Sum(c => c.Amount)).ToList();
        if (ordered.Count == 0 || totals.All(t => t <= 0))
        {
            return new NoDataChart(fonts, title, t["Chart.NoData"]);
        }

        // Same category, same colour and same stack position in every week; biggest at the bottom.
        var categories = ordered
            .SelectMany(w => w.Categories)
            .Where(c => c.Amount > 0 && double.IsFinite(c.Amount))
            .GroupBy(c => c.Category, StringComparer.Ordinal)
            .OrderByDescending(g => g.Sum(c => c.Amount))
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();

        return new PlotChart(fonts, title, t.Culture, (plot, text) =>
        {
            var bases = new double[ordered.Count];
            for (int c = 0; c < categories.Count; c++)
            {
                var bars = new List<Bar>();
                for (int w = 0; w < ordered.Count; w++)
                {
                    if (totals[w] <= 0)
                    {
                        continue;
                    }

                    double amount = ordered[w].Categories
                        .Where(a => string.Equals(a.Category, categories[c], StringComparison.Ordinal) && a.Amount > 0 && double.IsFinite(a.Amount))
                        .Sum(a => a.Amount);
                    double share = 100.0 * amount / totals[w];
                    bars.Add(new Bar
                    {
                        Position = w,
                        ValueBase = bases[w],
                        Value = bases[w] + share,
                        Size = 0.7,
                        FillColor = ChartPalette.Category(c),
                        LineColor = Colors.White,
                        LineWidth = 0.5f,
                    });
                    bases[w] += share;
                }

                var plottable = plot.Add.Bars(bars);
                plottable.LegendText = text.Short(categories[c], MaxCategoryLength);
            }

            var (positions, labels) = WeekAxis.Ticks(ordered.Select(w => w.Week).ToList());
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.Axes.Left.Label.Text = text.Clean(t["Chart.Axis.ShareOfWork"]);
            plot.Axes.SetLimitsY(0, 100);
            plot.Axes.SetLimitsX(-0.6, ordered.Count - 0.4);
            PlotTheme.ShowLegend(plot, categories.Count);
        });
    }
}
