namespace Analytics.Forecasting.Ets;

/// <summary>
/// A rough initial state from the first two seasons. It is only the point the exact least-squares
/// correction (<see cref="InitialStateLeastSquares"/>) starts from, so the estimate does not depend on it;
/// a start close to the answer merely keeps the SSE arithmetic free of cancellation.
/// </summary>
internal static class StartingState
{
    public static EtsState From(ReadOnlySpan<double> y, int m)
    {
        var first = Mean(y[..m]);
        var second = Mean(y.Slice(m, m));
        var trend = (second - first) / m;
        var seasonals = new double[m];
        for (var i = 0; i < m; i++)
        {
            // Detrended around the middle of the first season, so the seasonals sum to zero.
            seasonals[i] = y[i] - first - ((i - ((m - 1) / 2.0)) * trend);
        }

        // The level one step before the first observation.
        return new EtsState(first - (((m + 1) / 2.0) * trend), trend, seasonals);
    }

    private static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }
}
