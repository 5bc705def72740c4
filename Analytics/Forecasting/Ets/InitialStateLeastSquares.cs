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
/// so the column of seasonal slot j is the slot-0 column delayed by j, and the level column is their sum.
/// Slot 0 (s₋ₘ, the seasonal the first observation uses) stays at its start value, as statsmodels fixes it,
/// because a constant moved from the seasonals to the level changes no fitted value.
/// </remarks>
internal sealed class InitialStateLeastSquares
{
    private readonly double[] y;
    private readonly EtsState start;
    private readonly int m;
    private readonly int k;
    private readonly double[] startErrors;
    private readonly double[] levelColumn;
    private readonly double[] trendColumn;
    private readonly double[] seasonColumn;
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
        startErrors = new double[n];
        levelColumn = new double[n];
        trendColumn = new double[n];
        seasonColumn = new double[n];
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
        RunDataAndUnitStates(p);

        // Level +1 with every seasonal −1 changes no error, so the level column is the sum of the m
        // seasonal columns (slot j's is the slot-0 column delayed by j): a moving sum, no fourth run.
        var movingSum = 0.0;
        for (var t = 0; t < n; t++)
        {
            movingSum += seasonColumn[t];
            if (t >= m)
            {
                movingSum -= seasonColumn[t - m];
            }

            levelColumn[t] = movingSum;
        }

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

    /// <summary>
    /// <see cref="EtsRecursion.Run"/> three times in one loop — the data from the start state, and zero
    /// data from a unit trend and from a unit seasonal in slot 0 — because each recursion is a chain of
    /// dependent operations and three independent chains run in about the time of one. Each chain carries
    /// the one-step base F = l + φb instead of l, which shortens it: with e = y − s − F,
    /// F ← F + φ²b + (α + φβ)e and b ← φb + βe.
    /// </summary>
    private void RunDataAndUnitStates(EtsParameters p)
    {
        var (beta, gamma, phi) = (p.Beta, p.Gamma, p.Phi);
        var phi2 = phi * phi;
        var baseGain = p.Alpha + (phi * beta);
        Span<double> dataSeason = stackalloc double[m];
        Span<double> trendSeason = stackalloc double[m];
        Span<double> unitSeason = stackalloc double[m];
        for (var i = 0; i < m; i++)
        {
            dataSeason[i] = start.Seasonals[i];
        }

        unitSeason[0] = 1;
        var (dF, db) = (start.Level + (phi * start.Trend), start.Trend);
        var (tF, tb) = (phi, 1.0);
        var (sF, sb) = (0.0, 0.0);
        var slot = 0;
        for (var t = 0; t < y.Length; t++)
        {
            var ds = dataSeason[slot];
            var ts = trendSeason[slot];
            var ss = unitSeason[slot];
            var de = y[t] - ds - dF;
            var te = -ts - tF;
            var se = -ss - sF;
            startErrors[t] = de;
            trendColumn[t] = te;
            seasonColumn[t] = se;
            dF += (phi2 * db) + (baseGain * de);
            tF += (phi2 * tb) + (baseGain * te);
            sF += (phi2 * sb) + (baseGain * se);
            db = (phi * db) + (beta * de);
            tb = (phi * tb) + (beta * te);
            sb = (phi * sb) + (beta * se);
            dataSeason[slot] = ds + (gamma * de);
            trendSeason[slot] = ts + (gamma * te);
            unitSeason[slot] = ss + (gamma * se);
            if (++slot == m)
            {
                slot = 0;
            }
        }
    }
}
