namespace Analytics.Forecasting.Ets;

/// <summary>
/// The ETS(A,Ad,A) state recursions in error-correction form (Hyndman et al. 2008, table 2.3; the same
/// as statsmodels' ETSModel): with the one-step error e = y − (l + φb + s[t−m]),
/// l ← l + φb + αe, b ← φb + βe, s[t] = s[t−m] + γe.
/// </summary>
internal static class EtsRecursion
{
    /// <summary>
    /// Runs the recursions over <paramref name="y"/>, writing each one-step error (observation minus
    /// one-step forecast). The state is updated in place; <paramref name="season"/> is a ring whose slot
    /// <c>t mod m</c> holds the seasonal state observation t uses, so it starts in time order and ends
    /// rotated by <c>n mod m</c>.
    /// </summary>
    public static void Run(
        ReadOnlySpan<double> y, EtsParameters p, ref double level, ref double trend, Span<double> season, Span<double> errors)
    {
        var (alpha, beta, gamma, phi) = (p.Alpha, p.Beta, p.Gamma, p.Phi);
        var m = season.Length;
        var (l, b) = (level, trend);
        var slot = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var dampedTrend = phi * b;
            var s = season[slot];
            var e = y[t] - (l + dampedTrend + s);
            errors[t] = e;
            l += dampedTrend + (alpha * e);
            b = dampedTrend + (beta * e);
            season[slot] = s + (gamma * e);
            if (++slot == m)
            {
                slot = 0;
            }
        }

        (level, trend) = (l, b);
    }

    /// <summary>The ring left by <see cref="Run"/> after <paramref name="count"/> observations, back in time order.</summary>
    public static double[] InTimeOrder(ReadOnlySpan<double> ring, int count)
    {
        var m = ring.Length;
        var oldest = count % m;
        var ordered = new double[m];
        for (var i = 0; i < m; i++)
        {
            ordered[i] = ring[(oldest + i) % m];
        }

        return ordered;
    }
}
