namespace Analytics.Forecasting.Ets;

/// <summary>
/// The best initial state for given smoothing parameters, found exactly instead of searched for.
/// </summary>
/// <remarks>
/// With additive errors the one-step errors are linear in the initial state x₀: e = e(start) + X·(x₀ − start),
/// where column j of X is the error sequence the recursions give for zero data from a unit state j. So
/// the x₀ that minimises the SSE is a least-squares solution, and the parameter search (which statsmodels
/// runs over the smoothing parameters and the m + 1 free initial states together) only has to search the
/// four smoothing parameters. A unit seasonal state only starts acting when its season first comes round,
/// so the column of seasonal slot j is the slot-0 column delayed by j: three zero-data runs give all columns.
/// Slot 0 (s₋ₘ, the seasonal the first observation uses) stays at its start value, as statsmodels fixes it,
/// because a constant moved from the seasonals to the level changes no fitted value.
/// </remarks>
internal sealed class InitialStateLeastSquares
{
    private readonly double[] y;
    private readonly double[] zeros;
    private readonly EtsState start;
    private readonly int m;
    private readonly int k;
    private readonly double[] startErrors;
    private readonly double[] levelColumn;
    private readonly double[] trendColumn;
    private readonly double[] seasonColumn;
    private readonly double[] season;
    private readonly double[] normal;
    private readonly double[] factor;
    private readonly double[] xte;
    private readonly double[] delta;

    public InitialStateLeastSquares(double[] y, EtsState start)
    {
        this.y = y;
        this.start = start;
        m = start.Seasonals.Count;
        k = m + 1;
        var n = y.Length;
        zeros = new double[n];
        startErrors = new double[n];
        levelColumn = new double[n];
        trendColumn = new double[n];
        seasonColumn = new double[n];
        season = new double[m];
        normal = new double[k * k];
        factor = new double[k * k];
        xte = new double[k];
        delta = new double[k];
    }

    /// <summary>The SSE of the one-step errors at the best initial state for these parameters.</summary>
    public double Sse(EtsParameters p) => Solve(p);

    /// <summary>The best initial state for these parameters, with slot 0 of the seasonals at its start value.</summary>
    public EtsState BestInitialState(EtsParameters p)
    {
        Solve(p);
        var seasonals = start.Seasonals.ToArray();
        for (var j = 1; j < m; j++)
        {
            seasonals[j] += delta[1 + j];
        }

        return new EtsState(start.Level + delta[0], start.Trend + delta[1], seasonals);
    }

    /// <summary>Solves XᵀX δ = −Xᵀe into <see cref="delta"/> and returns the SSE there, eᵀe + δᵀXᵀe.</summary>
    private double Solve(EtsParameters p)
    {
        var n = y.Length;
        for (var i = 0; i < m; i++)
        {
            season[i] = start.Seasonals[i];
        }

        RunFrom(y, p, start.Level, start.Trend, startErrors);
        Array.Clear(season);
        RunFrom(zeros, p, 1, 0, levelColumn);
        Array.Clear(season);
        RunFrom(zeros, p, 0, 1, trendColumn);
        Array.Clear(season);
        season[0] = 1;
        RunFrom(zeros, p, 0, 0, seasonColumn);

        for (var i = 0; i < k; i++)
        {
            var (ci, oi) = Column(i);
            xte[i] = DotProduct.Of(ci.AsSpan(0, n - oi), startErrors.AsSpan(oi));
            for (var j = 0; j <= i; j++)
            {
                var (cj, oj) = Column(j);
                var from = Math.Max(oi, oj);
                var value = DotProduct.Of(ci.AsSpan(from - oi, n - from), cj.AsSpan(from - oj, n - from));
                normal[(i * k) + j] = value;
                normal[(j * k) + i] = value;
            }
        }

        if (!TrySolve(0))
        {
            // Not expected for n > k (X depends only on the parameters), but a tiny ridge keeps a
            // near-singular case finite instead of failing the fit.
            var trace = 0.0;
            for (var i = 0; i < k; i++)
            {
                trace += normal[(i * k) + i];
            }

            if (!TrySolve((1e-10 * trace / k) + 1e-300))
            {
                Array.Clear(delta);
            }
        }

        var sse = DotProduct.Of(startErrors, startErrors) + DotProduct.Of(delta, xte);
        return Math.Max(sse, 0);
    }

    private bool TrySolve(double ridge)
    {
        normal.CopyTo(factor, 0);
        for (var i = 0; i < k; i++)
        {
            factor[(i * k) + i] += ridge;
            delta[i] = -xte[i];
        }

        return Cholesky.TrySolve(factor, delta, k);
    }

    /// <summary>Column i of X as (values from time <c>offset</c> on, offset): level, trend, then seasonal slots 1..m−1.</summary>
    private (double[] Values, int Offset) Column(int i) => i switch
    {
        0 => (levelColumn, 0),
        1 => (trendColumn, 0),
        _ => (seasonColumn, i - 1),
    };

    private void RunFrom(double[] data, EtsParameters p, double level, double trend, double[] errors) =>
        EtsRecursion.Run(data, p, ref level, ref trend, season, errors);
}
