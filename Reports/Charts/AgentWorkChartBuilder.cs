using System.Globalization;
using Reports.Layout;
using Reports.Text;
using ScottPlot;

namespace Reports.Charts;

/// <summary>
/// Open tickets per agent as horizontal bars, largest first. The caller passes per-agent data only
/// where the privacy rules allow it (the agent's own manager).
/// </summary>
public sealed class AgentWorkChartBuilder(ReportFonts fonts, Wording? words = null)
{
    private const int MaxNameLength = 28;

    public IChart Build(IReadOnlyList<AgentWorkInProgress> agents, string? title = null)
    {
        var t = words ?? Wording.English;
        title ??= t["Chart.Agents.Title"];
        ArgumentNullException.ThrowIfNull(agents);
        if (agents.Count == 0)
        {
            return new NoDataChart(fonts, title, t["Chart.NoData"]);
        }

        // Largest at the top: ScottPlot counts positions upwards.
        var rows = agents.OrderBy(a => a.OpenTickets).ThenByDescending(a => a.Agent, StringComparer.Ordinal).ToList();
        return new PlotChart(fonts, title, t.Culture, (plot, text) =>
        {
            var bars = plot.Add.Bars(rows.Select((a, i) => new Bar
            {
                Position = i,
                Value = Math.Max(0, a.OpenTickets),
                Size = 0.7,
                FillColor = ChartPalette.WorkInProgress,
                LineWidth = 0,
                Label = a.OpenTickets.ToString(CultureInfo.InvariantCulture),
            }).ToList());
            bars.Horizontal = true;
            bars.ValueLabelStyle.FontSize = PlotTheme.TickLabelSize;
            bars.ValueLabelStyle.ForeColor = ChartPalette.Ink;

            plot.Axes.Left.SetTicks(
                rows.Select((_, i) => (double)i).ToArray(),
                rows.Select(a => text.Short(a.Agent, MaxNameLength)).ToArray());
            plot.Axes.Left.MajorTickStyle.Length = 0;
            plot.Axes.Bottom.Label.Text = text.Clean(t["Chart.Axis.OpenTickets"]);
            plot.Grid.XAxisStyle.IsVisible = true;
            plot.Grid.YAxisStyle.IsVisible = false;
            double max = Math.Max(1, rows.Max(a => a.OpenTickets));
            plot.Axes.SetLimitsX(0, max * 1.12);
            plot.Axes.SetLimitsY(-0.6, rows.Count - 0.4);
        });
    }
}
