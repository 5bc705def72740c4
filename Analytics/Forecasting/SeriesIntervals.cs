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
/// (so each interval holds a whole number), never zero-width, never below zero, and the 95% interval around
/// the 80% one.
/// </summary>
public sealed record CountInterval(double Lower80, double Upper80, double Lower95, double Upper95)
{
    public static CountInterval Of(double forecast, double lower80, double upper80, double lower95, double upper95)
    {
        // Bounds rounded to the nearest whole ticket, not outwards: rounding both ends outwards adds up to a
        // ticket on each side, which at a few tickets a day made an 80% interval hold 87% of outcomes.
        var mean = Math.Max(0, forecast);
        var (poissonLo80, poissonHi80) = PoissonRange(mean, 0.80);
        var (poissonLo95, poissonHi95) = PoissonRange(mean, 0.95);
        var lo80 = Math.Max(0, Math.Round(Math.Min(lower80, poissonLo80)));
        var hi80 = Math.Round(Math.Max(upper80, poissonHi80));
        var lo95 = Math.Max(0, Math.Round(Math.Min(Math.Min(lower95, lo80), poissonLo95)));
        var hi95 = Math.Round(Math.Max(Math.Max(upper95, hi80), poissonHi95));
        if (hi80 <= lo80)
        {
            hi80 = lo80 + 1;
        }

        return new CountInterval(lo80, hi80, Math.Min(lo95, lo80), Math.Max(hi95, hi80));
    }

    /// <summary>
    /// The whole-number range of Poisson noise whose probability is nearest to <paramref name="p"/>: counts are
    /// discrete, so no range holds exactly 80%, and taking the first one that holds at least 80% held 87% at
    /// three tickets a day.
    /// </summary>
    internal static (double Lower, double Upper) PoissonRange(double mean, double p)
    {
        var lower = PoissonQuantile(mean, (1 - p) / 2);
        var upper = PoissonQuantile(mean, 1 - ((1 - p) / 2));
        if (mean <= 0 || mean > 100 || upper <= lower)
        {
            return (lower, upper);
        }

        double Mass(double lo, double hi) => Cumulative(mean, hi) - (lo > 0 ? Cumulative(mean, lo - 1) : 0);
        if (Math.Abs(Mass(lower, upper - 1) - p) < Math.Abs(Mass(lower, upper) - p) && upper - 1 > lower)
        {
            upper--;
        }

        if (Math.Abs(Mass(lower + 1, upper) - p) < Math.Abs(Mass(lower, upper) - p) && lower + 1 < upper)
        {
            lower++;
        }

        return (lower, upper);
    }

    private static double Cumulative(double mean, double k)
    {
        var term = Math.Exp(-mean);
        var sum = term;
        for (var i = 1; i <= k; i++)
        {
            term *= mean / i;
            sum += term;
        }

        return sum;
    }

    /// <summary>The smallest k with P(X &lt;= k) &gt;= p for X ~ Poisson(mean); a normal approximation above 100.</summary>
    internal static double PoissonQuantile(double mean, double p)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 100)
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
