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
            result[series] = new SeriesIntervals(spreads[series], Lower(pool, 0.10), Upper(pool, 0.90), Lower(pool, 0.025), Upper(pool, 0.975), pool.Count);
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

            var average = n == 0 ? 1 : sum / n;
            running = Math.Max(running, Math.Max(average, 0.05));
            spread[h - 1] = running;
        }

        return spread;
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
