using Analytics.Forecasting.Ets;

namespace Analytics.Forecasting;

/// <summary>
/// Damped-trend exponential smoothing with the weekly (daily series) or yearly (weekly series) season, as a
/// candidate beside the global model and the baselines: fitted on the series up to the origin only, its
/// one-off surges clipped (<see cref="SeriesHistory"/>) so they do not come back as seasonality.
/// </summary>
internal static class EtsCandidate
{
    /// <summary>At most this many periods are fitted on: three years of days; older history adds little and costs time.</summary>
    private const int Window = 1092;

    /// <summary>Whether the series can have an ETS forecast from <paramref name="origin"/>: breakdowns are left to the model and baselines.</summary>
    public static bool Applies(SeriesHistory history, int season, int origin) =>
        season >= 2 && history.Series.Key.Level != SeriesLevel.Breakdown && origin + 1 >= EtsModel.MinimumLength(season);

    /// <summary>The forecast for steps 1..<paramref name="horizon"/> after <paramref name="origin"/>; null when the series cannot be fitted.</summary>
    public static double[]? Forecast(SeriesHistory history, int season, int origin, int horizon)
    {
        if (!Applies(history, season, origin))
        {
            return null;
        }

        var start = Math.Max(0, origin + 1 - Window);
        // The history's values, whose surges are already clipped.
        var y = Enumerable.Range(start, origin - start + 1).Select(i => history[i]).ToArray();
        try
        {
            var forecast = EtsModel.Fit(y, season).Forecast(horizon);
            for (var h = 0; h < forecast.Length; h++)
            {
                forecast[h] = double.IsFinite(forecast[h]) ? Math.Max(0, forecast[h]) : double.NaN;
            }

            return forecast;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
