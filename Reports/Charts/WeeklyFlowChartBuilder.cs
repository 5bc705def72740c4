using Reports.Layout;
using Reports.Text;
using ScottPlot;

namespace Reports.Charts;

/// <summary>Incoming and resolved tickets per ISO week as paired bars, with the backlog as a line on a second axis.</summary>
public sealed class WeeklyFlowChartBuilder(ReportFonts fonts, Wording? words = null)
{
    public IChart Build(IReadOnlyList<WeeklyFlowPoint> weeks, string? title = null)
    {
        var t = words ?? Wording.English;
        title ??= t["Chart.Flow.Title"];
        ArgumentNullException.ThrowIfNull(weeks);
        if (weeks.Count == 0)
        {
            return new NoDataChart(fonts, title, t["Chart.NoData"]);
        }

        var points = weeks.OrderBy(w => w.Week).ToList();
        return new PlotChart(fonts, title, t.Culture, (plot, text) =>
        {
            var incoming = plot.Add.Bars(points.Select((p, i) => new Bar
            {
                Position = i - 0.19,
                Value = p.Incoming,
                Size = 0.36,
                FillColor = ChartPalette.Incoming,
                LineWidth = 0,
            }).ToList());
            incoming.LegendText = t["Chart.Flow.Incoming"];

            var resolved = plot.Add.Bars(points.Select((p, i) => new Bar
            {
                Position = i + 0.19,
                Value = p.Resolved,
                Size = 0.36,
                FillColor = ChartPalette.Resolved,
                LineWidth = 0,
            }).ToList());
            resolved.LegendText = t["Chart.Flow.Resolved"];

            var backlog = plot.Add.Scatter(
                points.Select((_, i) => (double)i).ToArray(),
                points.Select(p => (double)p.Backlog).ToArray(),
                ChartPalette.Backlog);
            backlog.LineWidth = 2f;
            backlog.MarkerSize = 4f;
            backlog.LegendText = t["Chart.Flow.Backlog"];
            backlog.Axes.YAxis = plot.Axes.Right;

            var (positions, labels) = WeekAxis.Ticks(points.Select(p => p.Week).ToList());
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.Axes.Left.Label.Text = text.Clean(t["Chart.Axis.TicketsPerWeek"]);
            plot.Axes.Right.Label.Text = text.Clean(t["Chart.Axis.OpenBacklog"]);
            plot.Axes.Right.FrameLineStyle.Width = 0;
            plot.Axes.Margins(bottom: 0, top: 0.1);
            plot.Axes.SetLimitsX(-0.6, points.Count - 0.4);
            double maxBacklog = Math.Max(1, points.Max(p => p.Backlog));
            plot.Axes.SetLimitsY(0, maxBacklog * 1.1, plot.Axes.Right);
            double maxFlow = Math.Max(1, points.Max(p => Math.Max(p.Incoming, p.Resolved)));
            plot.Axes.SetLimitsY(0, maxFlow * 1.1, plot.Axes.Left);
            PlotTheme.ShowLegend(plot, 3);
        });
    }
}
