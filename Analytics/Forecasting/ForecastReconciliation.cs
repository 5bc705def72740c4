namespace Analytics.Forecasting;

/// <summary>
/// Makes the forecasts of one set add up: the department's forecast is, date by date, the sum of its teams'
/// (bottom-up), and each team's breakdown is scaled to sum to the team's. Without it the department's own
/// series and the sum of its teams are two forecasts of the same tickets, and a report printed both ("2,232
/// next week" beside "2,215"). Bottom-up, because the teams' forecasts are what staffing is planned on, and a
/// department model that goes wrong (on one real history it forecast 0 for seven weeks) must not zero them.
/// The department also counts the tickets no team holds: the teams' sum is raised by the share of those in the
/// department's recent history (<see cref="UnassignedShare"/>), so the department's forecast stays on the
/// scale of its own actuals.
/// </summary>
/// <remarks>
/// The department keeps its own interval's width relative to its level where its forecast was within a factor
/// of two of the teams' sum; elsewhere the teams' bounds are summed (wider than the truth, never narrower). The backtest evidence still
/// describes each series before reconciling.
/// </remarks>
public static class ForecastReconciliation
{
    /// <summary>Most of the department that may be left to tickets without a team; beyond it the teams' sum is not a base.</summary>
    private const double MaxUnassignedShare = 0.9;

    /// <param name="series">The forecasts of one set: the department, its teams, their breakdowns.</param>
    /// <param name="unassignedShare">The share of the department's tickets that no team holds (0 to 0.9).</param>
    public static IReadOnlyList<SeriesForecast> BottomUp(IReadOnlyList<SeriesForecast> series, double unassignedShare = 0)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentOutOfRangeException.ThrowIfLessThan(unassignedShare, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(unassignedShare, MaxUnassignedShare);
        var teams = series.Where(s => s.Key.Level == SeriesLevel.Team).ToList();
        var department = series.FirstOrDefault(s => s.Key.Level == SeriesLevel.Department);
        if (department is null || teams.Count == 0)
        {
            return series;
        }

        var byTeam = teams.ToDictionary(t => t.Key.Team!, StringComparer.Ordinal);
        var breakdowns = series.Where(s => s.Key.Level == SeriesLevel.Breakdown)
            .GroupBy(s => s.Key.Team ?? string.Empty, StringComparer.Ordinal)
            .SelectMany(g => byTeam.TryGetValue(g.Key, out var team) ? ScaleTo(team.Points, [.. g]) : [.. g]);
        return [department with { Points = Sum(department.Points, teams, 1 / (1 - unassignedShare)) }, .. teams, .. breakdowns];
    }

    /// <summary>
    /// The share of the department's tickets in the last <paramref name="periods"/> periods of <paramref name="history"/>
    /// that no team's series counts (tickets without a team), 0 when there is no department or team history,
    /// at most 0.9.
    /// </summary>
    public static double UnassignedShare(IReadOnlyList<CountSeries> history, int periods)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(periods);
        var department = history.FirstOrDefault(s => s.Key.Level == SeriesLevel.Department);
        var teams = history.Where(s => s.Key.Level == SeriesLevel.Team).ToList();
        if (department is null || teams.Count == 0)
        {
            return 0;
        }

        var from = department.DateAt(Math.Max(0, department.Count - periods));
        double Total(CountSeries s) => Enumerable.Range(0, s.Count).Where(i => s.DateAt(i) >= from && s.DateAt(i) <= department.End).Sum(i => s.Values[i]);
        var all = Total(department);
        return all > 0 ? Math.Clamp((all - teams.Sum(Total)) / all, 0, MaxUnassignedShare) : 0;
    }

    /// <summary>The department's points replaced by the teams' sums times <paramref name="scale"/>, on the department's dates.</summary>
    private static List<ForecastPoint> Sum(IReadOnlyList<ForecastPoint> own, IReadOnlyList<SeriesForecast> teams, double scale)
    {
        var points = teams.SelectMany(t => t.Points).GroupBy(p => p.Date).ToDictionary(g => g.Key, g => g.ToList());
        return [.. own.Select(p =>
        {
            if (!points.TryGetValue(p.Date, out var parts))
            {
                return p;
            }

            var total = parts.Sum(x => x.Forecast) * scale;

            // The department's own relative width only where its forecast was near the teams' sum: scaling the
            // interval of a forecast of almost nothing up to thousands put 10^36 on a chart's axis.
            var f = p.Forecast > 0 ? total / p.Forecast : double.NaN;
            if (f is >= 0.5 and <= 2)
            {
                return new ForecastPoint(p.Date, total, p.Lower80 * f, p.Upper80 * f, p.Lower95 * f, p.Upper95 * f);
            }

            return new ForecastPoint(p.Date, total, parts.Sum(x => x.Lower80) * scale, parts.Sum(x => x.Upper80) * scale, parts.Sum(x => x.Lower95) * scale, parts.Sum(x => x.Upper95) * scale);
        })];
    }

    /// <summary>The <paramref name="parts"/> scaled, date by date, to sum to <paramref name="total"/>; a date whose parts sum to 0 is left alone.</summary>
    private static List<SeriesForecast> ScaleTo(IReadOnlyList<ForecastPoint> total, IReadOnlyList<SeriesForecast> parts)
    {
        var targets = total.ToDictionary(p => p.Date, p => p.Forecast);
        var sums = parts.SelectMany(p => p.Points).GroupBy(p => p.Date).ToDictionary(g => g.Key, g => g.Sum(p => p.Forecast));
        double Factor(DateOnly date) =>
            targets.TryGetValue(date, out var target) && sums.TryGetValue(date, out var sum) && sum > 0 ? target / sum : 1;

        return [.. parts.Select(part => part with
        {
            Points = [.. part.Points.Select(p => Factor(p.Date) is var f && f == 1 ? p : new ForecastPoint(p.Date, p.Forecast * f, p.Lower80 * f, p.Upper80 * f, p.Lower95 * f, p.Upper95 * f))],
        })];
    }
}
