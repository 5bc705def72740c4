using Reports.Layout;
using Reports.Text;
using ScottPlot;

namespace Reports.Charts;

/// <summary>
/// Observed weekly volume followed by the forecast with its 80 % and 95 % prediction intervals as
/// shaded bands. Nothing is drawn below zero: a negative interval bound means "none".
/// </summary>
public sealed class ForecastChartBuilder(ReportFonts fonts, Wording? words = null)
{
    public IChart Build(IReadOnlyList<WeeklyValue> history, IReadOnlyList<ForecastWeek> forecast, string? title = null)
    {
        var t = words ?? Wording.English;
        title ??= t["Chart.Forecast.Title"];
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(forecast);
        if (history.Count == 0 && forecast.Count == 0)
        {
            return new NoDataChart(fonts, title, t["Chart.NoData"]);
        }

        var observed = history.OrderBy(h => h.Week).ToList();
        var ahead = forecast.OrderBy(f => f.Week).ToList();
        var weeks = observed.Select(h => h.Week).Concat(ahead.Select(f => f.Week)).Distinct().Order().ToList();
        var index = weeks.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => (double)p.i);

        return new PlotChart(fonts, title, t.Culture, (plot, text) =>
        {
            if (ahead.Count > 0)
            {
                double[] xs = ahead.Select(f => index[f.Week]).ToArray();
                var band95 = plot.Add.FillY(xs, ahead.Select(f => Floor(f.Lower95)).ToArray(), ahead.Select(f => Floor(f.Upper95)).ToArray());
                band95.FillColor = ChartPalette.Band95;
                band95.LineWidth = 0;
                band95.LegendText = t["Chart.Forecast.Band95"];
                var band80 = plot.Add.FillY(xs, ahead.Select(f => Floor(f.Lower80)).ToArray(), ahead.Select(f => Floor(f.Upper80)).ToArray());
                band80.FillColor = ChartPalette.Band80;
                band80.LineWidth = 0;
                band80.LegendText = t["Chart.Forecast.Band80"];

                // The forecast line starts at the last observation so the two read as one series.
                var lineXs = new List<double>();
                var lineYs = new List<double>();
                if (observed.Count > 0 && observed[^1].Week < ahead[0].Week)
                {
                    lineXs.Add(index[observed[^1].Week]);
                    lineYs.Add(Floor(observed[^1].Value));
                }

                lineXs.AddRange(xs);
                lineYs.AddRange(ahead.Select(f => Floor(f.Expected)));
                var expected = plot.Add.Scatter(lineXs.ToArray(), lineYs.ToArray(), ChartPalette.Forecast);
                expected.LineWidth = 2f;
                expected.LinePattern = LinePattern.Dashed;
                expected.MarkerSize = 0;
                expected.LegendText = t["Chart.Forecast.Expected"];
            }

            if (observed.Count > 0)
            {
                var actual = plot.Add.Scatter(
                    observed.Select(h => index[h.Week]).ToArray(),
                    observed.Select(h => Floor(h.Value)).ToArray(),
                    ChartPalette.History);
                actual.LineWidth = 2f;
                actual.MarkerSize = 3.5f;
                actual.LegendText = t["Chart.Forecast.Observed"];
            }

            if (observed.Count > 0 && ahead.Count > 0)
            {
                var now = plot.Add.VerticalLine(index[observed[^1].Week] + 0.5, 1f, ChartPalette.Frame, LinePattern.Dotted);
                now.LegendText = string.Empty;
            }

            var (positions, labels) = WeekAxis.Ticks(weeks);
            plot.Axes.Bottom.SetTicks(positions, labels);
            plot.Axes.Left.Label.Text = text.Clean(t["Chart.Axis.TicketsPerWeek"]);
            double top = Math.Max(1, observed.Select(h => h.Value).Concat(ahead.Select(f => Math.Max(f.Upper95, f.Expected))).Max());
            plot.Axes.SetLimitsY(0, top * 1.1);
            plot.Axes.SetLimitsX(-0.5, weeks.Count - 0.5);
            PlotTheme.ShowLegend(plot, (ahead.Count > 0 ? 3 : 0) + (observed.Count > 0 ? 1 : 0));
        });
    }

    private static double Floor(double value) => double.IsFinite(value) ? Math.Max(0, value) : 0;
}
