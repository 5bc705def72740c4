using Reports.Layout;
using Reports.Text;
using ScottPlot;

namespace Reports.Charts;

/// <summary>Available FTE per week as bars, needed FTE as a line, and the shortfall between them shaded red.</summary>
public sealed class StaffingChartBuilder(ReportFonts fonts, Wording? words = null)
{
    public IChart Build(IReadOnlyList<StaffingWeek> weeks, string? title = null)
    {
        var t = words ?? Wording.English;
        title ??= t["Chart.Staffing.Title"];
        ArgumentNullException.ThrowIfNull(weeks);
        if (weeks.Count == 0)
        {
            return new NoDataChart(fonts, title, t["Chart.NoData"]);
        }

        var ordered = weeks.OrderBy(w => w.Week).ToList();
        return new PlotChart(fonts, title, t.Culture, (plot, text) =>
        {
            // A week whose capacity is unknown gets no bar: an empty bar would read as zero staff.
            var known = ordered.Select((w, i) => (w, i)).Where(p => p.w.AvailableFte is not null).ToList();
            if (known.Count > 0)
            {
                var available = plot.Add.Bars(known.Select(p => new Bar
                {
                    Position = p.i,
                    Value = Clean(p.w.AvailableFte!.Value),
                    Size = 0.62,
                    FillColor = ChartPalette.Available,
                    LineWidth = 0,
                }).ToList());
                available.LegendText = t["Chart.Staffing.Available"];
            }

            var gaps = known
                .Where(p => Clean(p.w.NeededFte) > Clean(p.w.AvailableFte!.Value))
                .Select(p => new Bar
                {
                    Position = p.i,
                    ValueBase = Clean(p.w.AvailableFte!.Value),
                    Value = Clean(p.w.NeededFte),
                    Size = 0.62,
                    FillColor = ChartPalette.Shortfall,
                    LineWidth = 0,
                })
                .ToList();
            if (gaps.Count > 0)
            {
                var shortfall = plot.Add.Bars(gaps);
                shortfall.LegendText = t["Chart.Staffing.Shortfall"];
            }

            var needed = plot.Add.Scatter(
                ordered.Select((_, i) => (double)i).ToArray(),
                ordered.Select(w => Clean(w.NeededFte)).ToArray(),
                ChartPalette.Needed);
            needed.LineWidth = 2f;
            needed.MarkerSize = 4f;
            needed.LegendText = t["Chart.Staffing.Needed"];

            var (positions, labels) = WeekAxis.Ticks(ordered.Select(w => w.Week).ToList());
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.Axes.Left.Label.Text = text.Clean(t["Chart.Axis.Fte"]);
            double max = Math.Max(1, ordered.Max(w => Math.Max(Clean(w.NeededFte), Clean(w.AvailableFte ?? 0))));
            plot.Axes.SetLimitsY(0, max * 1.15);
            plot.Axes.SetLimitsX(-0.6, ordered.Count - 0.4);
            PlotTheme.ShowLegend(plot, 3);
        });
    }

    private static double Clean(double fte) => double.IsFinite(fte) ? Math.Max(0, fte) : 0;
}
