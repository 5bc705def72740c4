namespace Analytics.Forecasting;

/// <summary>
/// A series' own prediction intervals, calibrated on its backtest errors: <see cref="Spread"/> is the typical
/// error at each horizon step (relative to Poisson noise, never shrinking with the horizon), and the four
/// quantiles are those of the series' errors divided by that spread. An interval is then
/// forecast + quantile x spread(step) x sqrt(forecast + 1), widened to at least Poisson noise and rounded out
/// to whole tickets (<see cref="CountInterval"/>).
/// </summary>
/// <param name="Points">Backtest errors the quantiles rest on; fewer than <see cref="IntervalCalibration.OwnMinimum"/> and they were pooled with series of similar volume.</param>
public sealed record SeriesIntervals(IReadOnlyList<double> Spread, double Lower80, double Upper80, double Lower95, double Upper95, int Points)
{
    /// <summary>The 80% and 95% intervals around <paramref name="forecast"/> at <paramref name="step"/> (from 1).</summary>
    public CountInterval At(double forecast, int step)
    {
        var spread = Spread.Count == 0 ? 1 : Spread[Math.Clamp(step - 1, 0, Spread.Count - 1)];
        var scale = spread * Math.Sqrt(Math.Max(0, forecast) + 1);
        return CountInterval.Of(forecast, forecast + (Lower80 * scale), forecast + (Upper80 * scale), forecast + (Lower95 * scale), forecast + (Upper95 * scale));
    }
}

/// <summary>
/// Intervals for a count: never narrower than Poisson noise around the forecast, bounds on whole tickets
/// (the lower rounded down, the upper up, so each interval holds a whole number), never zero-width, never
/// below zero, and the 95% interval around the 80% one.
/// </summary>
public sealed record CountInterval(double Lower80, double Upper80, double Lower95, double Upper95)
{
    public static CountInterval Of(double forecast, double lower80, double upper80, double lower95, double upper95)
    {
        var mean = Math.Max(0, forecast);
        var lo80 = Math.Floor(Math.Max(0, Math.Min(lower80, PoissonQuantile(mean, 0.10))));
        var hi80 = Math.Ceiling(Math.Max(upper80, PoissonQuantile(mean, 0.90)));
        var lo95 = Math.Floor(Math.Max(0, Math.Min(Math.Min(lower95, lo80), PoissonQuantile(mean, 0.025))));
        var hi95 = Math.Ceiling(Math.Max(Math.Max(upper95, hi80), PoissonQuantile(mean, 0.975)));
        if (hi80 <= lo80)
        {
            hi80 = lo80 + 1;
        }

        return new CountInterval(lo80, hi80, Math.Min(lo95, lo80), Math.Max(hi95, hi80));
    }

    /// <summary>The smallest k with P(X &lt;= k) &gt;= p for X ~ Poisson(mean); a normal approximation above 500.</summary>
    internal static double PoissonQuantile(double mean, double p)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 500)
        {
            return Math.Max(0, Math.Round(mean + (NormalQuantile(p) * Math.Sqrt(mean))));
        }

        var term = Math.Exp(-mean);
        var cumulative = term;
        var k = 0;
        while (cumulative < p && k < 10_000)
        {
            k++;
            term *= mean / k;
            cumulative += term;
        }

        return k;
    }

    private static double NormalQuantile(double p) => p switch
    {
        <= 0.025 => -1.959963984540054,
        <= 0.10 => -1.2815515655446004,
        >= 0.975 => 1.959963984540054,
        >= 0.90 => 1.2815515655446004,
        _ => 0,
    };
}
