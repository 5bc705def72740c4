namespace Analytics.Forecasting;

/// <summary>
/// Clips one-off surges (a major incident, a migration wave) before a model learns from a series: a period
/// far above the usual level of the same place in the seasons before it is brought down to the top of the
/// usual range, so a spike does not return a season later as if it were seasonal. Drops are kept: holidays
/// and closures are real and recur. Only earlier periods decide, so a backtest origin's history is clipped
/// the same whatever came after it.
/// </summary>
internal static class SurgeClipping
{
    /// <summary>Same-season periods before a period that make up its usual level; a lasting rise is usual after half of them.</summary>
    private const int Neighbours = 4;

    /// <summary>Earlier same-season periods a period needs before it can be judged a surge.</summary>
    private const int MinimumNeighbours = 3;

    /// <summary>Seasons of recent deviations the typical deviation is measured over.</summary>
    private const int SpreadSeasons = 8;

    /// <summary>How many robust standard deviations above the usual level a period may be before it is clipped.</summary>
    private const double Limit = 4;

    public static double[] Clip(IReadOnlyList<double> values, int season)
    {
        ArgumentNullException.ThrowIfNull(values);
        var clipped = values.ToArray();
        var first = season * MinimumNeighbours;
        if (season < 1 || values.Count <= first)
        {
            return clipped;
        }

        // Each period's usual level from the (clipped) same-season periods before it, so one surge does not raise the next one's yardstick.
        var usual = new double[values.Count];
        var residuals = new Queue<double>();
        var window = Math.Max(8, season * SpreadSeasons);
        var neighbours = new List<double>(Neighbours);
        for (var i = first; i < values.Count; i++)
        {
            neighbours.Clear();
            for (var k = 1; k <= Neighbours && i - (k * season) >= 0; k++)
            {
                neighbours.Add(clipped[i - (k * season)]);
            }

            usual[i] = Median(neighbours);
            residuals.Enqueue(Math.Abs(values[i] - usual[i]));
            if (residuals.Count > window)
            {
                residuals.Dequeue();
            }

            // The typical deviation, robustly (median absolute deviation over the recent seasons), at least Poisson noise.
            var mad = Median([.. residuals]) * 1.4826;
            var spread = Math.Max(mad, Math.Sqrt(Math.Max(usual[i], 1)));
            var top = usual[i] + (Limit * spread);
            if (values[i] > top)
            {
                clipped[i] = top;
            }
        }

        return clipped;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
    }
}
