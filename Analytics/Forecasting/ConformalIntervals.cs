namespace Analytics.Forecasting;

/// <summary>
/// Prediction intervals from backtest errors (split conformal, per horizon step). Errors are normalised by
/// sqrt(forecast + 1), the spread of Poisson counts, and by each series' own dispersion, so one pool of
/// errors per horizon step serves big and small series; the quantiles of that pool, scaled back, give the
/// interval. With n errors in a pool the upper bound is the ceil((n + 1) p)-th smallest, the finite-sample
/// rule that makes the coverage at least p for exchangeable errors.
/// </summary>
internal static class ConformalIntervals
{
    /// <summary>Normal quantiles, used when there is no backtest to calibrate on.</summary>
    private const double Z90 = 1.2815515655446004;
    private const double Z975 = 1.959963984540054;

    public static double Normalised(double actual, double forecast) => (actual - forecast) / Math.Sqrt(Math.Max(0, forecast) + 1);

    public static (double Lower, double Upper) Interval(double forecast, double dispersion, double lowerQuantile, double upperQuantile)
    {
        var spread = dispersion * Math.Sqrt(Math.Max(0, forecast) + 1);
        var lower = Math.Max(0, forecast + (lowerQuantile * spread));
        var upper = Math.Max(lower, forecast + (upperQuantile * spread));
        return (lower, upper);
    }

    public static IntervalQuantiles Uncalibrated(int horizon) => new(horizon, -Z90, Z90, -Z975, Z975);

    /// <summary>Quantiles of one horizon step's pool of normalised errors (each already divided by its series' dispersion).</summary>
    public static IntervalQuantiles Quantiles(int horizon, List<double> pool)
    {
        if (pool.Count == 0)
        {
            return Uncalibrated(horizon);
        }

        pool.Sort();
        return new IntervalQuantiles(horizon, Lower(pool, 0.10), Upper(pool, 0.90), Lower(pool, 0.025), Upper(pool, 0.975));
    }

    private static double Upper(List<double> sorted, double p)
    {
        var rank = (int)Math.Ceiling((sorted.Count + 1) * p);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }

    private static double Lower(List<double> sorted, double p)
    {
        var rank = (int)Math.Floor((sorted.Count + 1) * p);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
    }
}
