namespace Analytics.Forecasting;

/// <summary>The simple forecasts the model must beat, computed from periods at or before the origin.</summary>
internal static class Baselines
{
    public static double Forecast(ForecastMethod method, SeriesHistory history, int season, int origin, int horizon) => method switch
    {
        ForecastMethod.SeasonalNaive => SeasonalNaive(history, season, origin, horizon),
        ForecastMethod.MovingAverage => MovingAverage(history, season, origin, horizon),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a baseline."),
    };

    /// <summary>The last known period one or more whole seasons before the target; the mean so far when the series is younger than a season.</summary>
    public static double SeasonalNaive(SeriesHistory history, int season, int origin, int horizon)
    {
        var index = LastSameSeason(season, origin, horizon);
        return index >= 0 ? history[index] : history.Mean(0, origin);
    }

    /// <summary>The mean of the last four known same-season periods (four weeks back for weekly series).</summary>
    public static double MovingAverage(SeriesHistory history, int season, int origin, int horizon)
    {
        var index = LastSameSeason(season, origin, horizon);
        if (index < 0)
        {
            return history.Mean(0, origin);
        }

        var sum = 0.0;
        var n = 0;
        for (var k = 0; k < 4 && index - (season * k) >= 0; k++)
        {
            sum += history[index - (season * k)];
            n++;
        }

        return sum / n;
    }

    private static int LastSameSeason(int season, int origin, int horizon) =>
        origin + horizon - (season * ((horizon + season - 1) / season));
}
