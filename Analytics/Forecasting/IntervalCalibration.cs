namespace Analytics.Forecasting;

/// <summary>
/// Calibrates each series' intervals on its own backtest errors (split conformal). A series with too few errors
/// borrows the quantiles of series of similar volume, never the pool of all series: hundreds of sparse series
/// would otherwise set the width of a busy one, and the other way round.
/// </summary>
internal static class IntervalCalibration
{
    /// <summary>Errors a series needs for its own quantiles (the 95% bounds then rest on a few errors each side).</summary>
    public const int OwnMinimum = 40;

    public readonly record struct Error(int Series, int Step, double Actual, double Forecast)
    {
        public double Normalised => (Actual - Forecast) / Math.Sqrt(Math.Max(0, Forecast) + 1);
    }

    public static SeriesIntervals?[] Calibrate(int seriesCount, int horizon, IReadOnlyList<Error> errors)
    {
        var bySeries = errors.GroupBy(e => e.Series).ToDictionary(g => g.Key, g => g.ToList());
        var spreads = new double[seriesCount][];
        var units = new List<double>?[seriesCount];
        var volume = new double[seriesCount];
        foreach (var (series, own) in bySeries)
        {
            spreads[series] = Spread(own, horizon);
            units[series] = [.. own.Select(e => e.Normalised / spreads[series][e.Step - 1])];
            volume[series] = own.Average(e => e.Actual);
        }

        var result = new SeriesIntervals?[seriesCount];
        foreach (var (series, own) in bySeries)
        {
            var pool = units[series]!;
            if (pool.Count < OwnMinimum)
            {
                // Similar volume: the series whose mean count is within a factor of three, nearest first, until enough errors.
                pool = [.. bySeries.Keys.Where(s => s != series)
                    .OrderBy(s => Math.Abs(Math.Log((volume[s] + 1) / (volume[series] + 1))))
                    .TakeWhile(s => Math.Abs(Math.Log((volume[s] + 1) / (volume[series] + 1))) <= Math.Log(3))
                    .SelectMany(s => units[s]!)
                    .Take(OwnMinimum * 4)
                    .Concat(pool)];
            }

            pool.Sort();
            var spread = spreads[series];
            var level80 = Level(own, 0.80, 0.40, c => new SeriesIntervals(spread, Quantile(pool, (1 - c) / 2), Quantile(pool, 1 - ((1 - c) / 2)), 0, 0, pool.Count), i => i.Lower80, i => i.Upper80);
            var level95 = Level(own, 0.95, 0.70, c => new SeriesIntervals(spread, 0, 0, Quantile(pool, (1 - c) / 2), Quantile(pool, 1 - ((1 - c) / 2)), pool.Count), i => i.Lower95, i => i.Upper95);
            result[series] = new SeriesIntervals(
                spread,
                Quantile(pool, (1 - level80) / 2),
                Quantile(pool, 1 - ((1 - level80) / 2)),
                Quantile(pool, (1 - level95) / 2),
                Quantile(pool, 1 - ((1 - level95) / 2)),
                pool.Count);
        }

        return result;
    }

    /// <summary>
    /// Mean absolute normalised error per step, averaged over the steps so far and never falling as the horizon
    /// grows (a forecast further out is never more certain); at least a small floor so a perfect backtest
    /// does not give zero-width intervals.
    /// </summary>
    private static double[] Spread(List<Error> errors, int horizon)
    {
        var byStep = errors.GroupBy(e => e.Step).ToDictionary(g => g.Key, g => g.Average(e => Math.Abs(e.Normalised)));
        var spread = new double[horizon];
        var sum = 0.0;
        var n = 0;
        var running = 0.0;
        for (var h = 1; h <= horizon; h++)
        {
            if (byStep.TryGetValue(h, out var mae))
            {
                sum += mae;
                n++;
            }

            // Each step's own error, smoothed with the steps before it (12 origins make a noisy average), never falling.
            var own = byStep.TryGetValue(h, out var stepMae) ? stepMae : (n == 0 ? 1 : sum / n);
            var average = n == 0 ? 1 : sum / n;
            running = Math.Max(running, Math.Max((own + average) / 2, 0.05));
            spread[h - 1] = running;
        }

        return spread;
    }

    /// <summary>
    /// The central level of the error quantiles whose intervals, after the Poisson floor and the rounding to whole
    /// tickets, hold <paramref name="target"/> of the series' own errors: the floor and the rounding only ever
    /// widen, so on a quiet weekend of a busy series the nominal level held 95% of days where 80% was meant.
    /// Never below <paramref name="lowest"/>, so a series with few errors is not narrowed on little evidence.
    /// </summary>
    private static double Level(List<Error> own, double target, double lowest, Func<double, SeriesIntervals> intervals, Func<CountInterval, double> lower, Func<CountInterval, double> upper)
    {
        if (own.Count < OwnMinimum)
        {
            return target;
        }

        double Coverage(double level)
        {
            var candidate = intervals(level);
            return own.Count(e => candidate.At(e.Forecast, e.Step) is var i && e.Actual >= lower(i) && e.Actual <= upper(i)) / (double)own.Count;
        }

        if (Coverage(target) <= target)
        {
            return target;
        }

        var (lo, hi) = (lowest, target);
        for (var step = 0; step < 8; step++)
        {
            var mid = (lo + hi) / 2;
            (lo, hi) = Coverage(mid) >= target ? (lo, mid) : (mid, hi);
        }

        return hi;
    }

    /// <summary>
    /// The p-quantile of sorted values, interpolated. Not the finite-sample conformal rank, whose extra margin
    /// assumes independent errors and only widened intervals that already held more than their share.
    /// </summary>
    private static double Quantile(List<double> sorted, double p)
    {
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((position - below) * (sorted[above] - sorted[below]));
    }
}
