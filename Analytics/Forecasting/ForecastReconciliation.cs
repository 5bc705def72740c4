namespace Analytics.Forecasting;

/// <summary>
/// Makes the forecasts of one set add up: each team's forecast is scaled, date by date, so the teams sum to
/// the department's, and each team's breakdown so it sums to the team's. Without it the department's own
/// series and the sum of its teams are two forecasts of the same tickets, and a report printed both ("2,232
/// next week" beside "2,215"). Top-down, because the department's series is the largest and steadiest.
/// </summary>
/// <remarks>
/// The interval bounds are scaled with their forecast, which keeps each interval's width relative to its
/// level; the backtest evidence still describes the series before reconciling.
/// </remarks>
public static class ForecastReconciliation
{
    public static IReadOnlyList<SeriesForecast> TopDown(IReadOnlyList<SeriesForecast> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.FirstOrDefault(s => s.Key.Level == SeriesLevel.Department) is not { } department)
        {
            return series;
        }

        var teams = series.Where(s => s.Key.Level == SeriesLevel.Team).ToList();
        var reconciledTeams = ScaleTo(department.Points, teams);
        var byTeam = reconciledTeams.ToDictionary(t => t.Key.Team!, StringComparer.Ordinal);
        var breakdowns = series.Where(s => s.Key.Level == SeriesLevel.Breakdown)
            .GroupBy(s => s.Key.Team ?? string.Empty, StringComparer.Ordinal)
            .SelectMany(g => byTeam.TryGetValue(g.Key, out var team) ? ScaleTo(team.Points, [.. g]) : [.. g]);
        return [department, .. reconciledTeams, .. breakdowns];
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
