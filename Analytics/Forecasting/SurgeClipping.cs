namespace Analytics.Forecasting;

/// <summary>
/// Clips one-off surges (a major incident, a migration wave) before a model learns from a series: a period
/// far above the usual level for its place in the season is brought down to the top of the usual range, so
/// a spike does not return a season later as if it were seasonal. Drops are kept: holidays and closures
/// are real and recur.
/// </summary>
internal static class SurgeClipping
{
    /// <summary>Same-season neighbours on each side that make up the usual level of a period.</summary>
    private const int Neighbours = 4;

    /// <summary>How many robust standard deviations above the usual level a period may be before it is clipped.</summary>
    private const double Limit = 4;

    public static double[] Clip(IReadOnlyList<double> values, int season)
    {
        ArgumentNullException.ThrowIfNull(values);
        var clipped = values.ToArray();
        if (season < 1 || values.Count < season * 3)
        {
            return clipped;
        }

        var usual = new double[values.Count];
        var residuals = new double[values.Count];
        var neighbours = new List<double>((2 * Neighbours) + 1);
        for (var i = 0; i < values.Count; i++)
        {
            neighbours.Clear();
            for (var k = -Neighbours; k <= Neighbours; k++)
            {
                var j = i + (k * season);
                if (k != 0 && j >= 0 && j < values.Count)
                {
                    neighbours.Add(values[j]);
                }
            }

            usual[i] = Median(neighbours);
            residuals[i] = values[i] - usual[i];
        }

        // The spread of the residuals, robustly (median absolute deviation), with a floor of Poisson noise at the usual level.
        var mad = Median([.. residuals.Select(Math.Abs)]) * 1.4826;
        for (var i = 0; i < values.Count; i++)
        {
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
