using Reports.Charts;
using Reports.Layout;

namespace Reports.Tests.Support;

/// <summary>Plausible chart inputs for a service desk over a quarter.</summary>
internal static class ChartSamples
{
    public static IReadOnlyList<WeekLabel> Weeks(int count, int year = 2026, int firstWeek = 36) =>
        Enumerable.Range(0, count)
            .Select(i => firstWeek + i <= 52 ? new WeekLabel(year, firstWeek + i) : new WeekLabel(year + 1, firstWeek + i - 52))
            .ToList();

    public static IReadOnlyList<WeeklyFlowPoint> Flow() =>
        Weeks(12).Select((w, i) => new WeeklyFlowPoint(w, 180 + (i * 7 % 40), 170 + (i * 11 % 45), 120 + (i * 9))).ToList();

    public static IReadOnlyList<WeeklyValue> History() =>
        Weeks(12).Select((w, i) => new WeeklyValue(w, 180 + (i * 7 % 40))).ToList();

    public static IReadOnlyList<ForecastWeek> Forecast() =>
        Weeks(8, 2026, 48).Select((w, i) =>
        {
            double expected = 200 + (i * 4);
            double spread = 12 + (i * 5);
            return new ForecastWeek(w, expected, expected - spread, expected + spread, expected - (2.2 * spread) - 150, expected + (2.2 * spread));
        }).ToList();

    public static IReadOnlyList<AgentWorkInProgress> Agents() =>
    [
        new("Anna de Vries", 14), new("Bram Jansen", 22), new("Chen Wei", 9), new("Dilan Yılmaz", 17),
        new("Emma Bakker", 11), new("Farid El Amrani", 26), new("Grace Okafor", 7),
    ];

    public static IReadOnlyList<InvisibleWorkWeek> InvisibleWork() =>
        Weeks(10).Select((w, i) => new InvisibleWorkWeek(w,
        [
            new CategoryAmount("User-reported incidents", 120 + (i * 3)),
            new CategoryAmount("Requests fulfilled", 60 + (i * 5 % 17)),
            new CategoryAmount("Changes", 20 + (i % 4)),
            new CategoryAmount("Maintenance", 15 + (i * 2 % 7)),
            new CategoryAmount("Problems solved", 4 + (i % 3)),
            new CategoryAmount("Knowledge articles", 3 + (i % 2)),
        ])).ToList();

    public static IReadOnlyList<StaffingWeek> Staffing() =>
        Weeks(12, 2026, 48).Select((w, i) => new StaffingWeek(w, 9.5 + (i % 5 * 0.6), 10.2 - (i == 4 || i == 5 ? 2.5 : 0) - (i % 3 * 0.3))).ToList();

    public static IReadOnlyList<WeekdayHourCount> Heatmap()
    {
        var counts = new List<WeekdayHourCount>();
        foreach (DayOfWeek day in Enum.GetValues<DayOfWeek>())
        {
            bool weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
            for (int hour = 0; hour < 24; hour++)
            {
                int office = hour is >= 8 and < 18 ? 30 - (Math.Abs(hour - 10) * 2) : 2;
                counts.Add(new WeekdayHourCount(day, hour, weekend ? office / 6 : office + (day == DayOfWeek.Monday ? 8 : 0)));
            }
        }

        return counts;
    }

    /// <summary>Every chart builder with sample input and with empty input: (name, normal, empty).</summary>
    public static IEnumerable<(string Name, IChart Normal, IChart Empty)> All(ReportFonts fonts)
    {
        yield return ("weekly-flow", new WeeklyFlowChartBuilder(fonts).Build(Flow()), new WeeklyFlowChartBuilder(fonts).Build([]));
        yield return ("forecast", new ForecastChartBuilder(fonts).Build(History(), Forecast()), new ForecastChartBuilder(fonts).Build([], []));
        yield return ("agent-wip", new AgentWorkChartBuilder(fonts).Build(Agents()), new AgentWorkChartBuilder(fonts).Build([]));
        yield return ("invisible-work", new InvisibleWorkChartBuilder(fonts).Build(InvisibleWork()), new InvisibleWorkChartBuilder(fonts).Build([]));
        yield return ("staffing", new StaffingChartBuilder(fonts).Build(Staffing()), new StaffingChartBuilder(fonts).Build([]));
        yield return ("heatmap", new IncomingHeatmapChartBuilder(fonts).Build(Heatmap()), new IncomingHeatmapChartBuilder(fonts).Build([]));
    }
}
