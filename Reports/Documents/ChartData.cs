using Analytics.Calendar;
using Analytics.Recognition;
using Analytics.Workload;
using Reports.Charts;
using Reports.Text;

namespace Reports.Documents;

/// <summary>Analytics results as the chart builders' inputs (the charts know nothing of Analytics).</summary>
public static class ChartData
{
    public static WeekLabel Label(IsoWeek week) => new(week.Year, week.Week);

    public static IReadOnlyList<WeeklyFlowPoint> Flow(IEnumerable<WeeklyTeamMetrics> weeks) =>
        [.. weeks.Select(w => new WeeklyFlowPoint(Label(w.Week), w.Incoming, w.Resolved, w.Backlog))];

    public static IReadOnlyList<WeekdayHourCount> Heatmap(IncomingPattern pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        var cells = new List<WeekdayHourCount>(7 * 24);
        foreach (var day in new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday })
        {
            for (var hour = 0; hour < 24; hour++)
            {
                cells.Add(new WeekdayHourCount(day, hour, pattern[day, hour]));
            }
        }

        return cells;
    }

    /// <summary>Hours by category per week: the chart shows each category's share.</summary>
    public static IReadOnlyList<InvisibleWorkWeek> WorkShares(IEnumerable<TeamLedger> weeks, Wording words) =>
        [.. weeks.Select(w => new InvisibleWorkWeek(Label(w.From), [.. w.Lines.Select(l => new CategoryAmount(CategoryName(words, l.Category), l.Hours))]))];

    /// <summary>A kind of work as the readers' language names it.</summary>
    public static string CategoryName(Wording words, WorkCategory category) => words["WorkCategory." + category];

    public static IReadOnlyList<AgentWorkInProgress> WorkInProgress(IEnumerable<WeeklyAgentMetrics> agents) =>
        [.. agents.Select(a => new AgentWorkInProgress(a.Agent, a.WorkInProgress))];

    public static (IReadOnlyList<WeeklyValue> History, IReadOnlyList<ForecastWeek> Forecast) Forecast(ForecastOutlook outlook)
    {
        ArgumentNullException.ThrowIfNull(outlook);
        return ([.. outlook.History.Select(h => new WeeklyValue(Label(h.Week), h.Tickets))],
            [.. outlook.Weeks.Select(w => new ForecastWeek(Label(w.Week), w.Expected, w.Lower80, w.Upper80, w.Lower95, w.Upper95))]);
    }
}
