namespace Analytics.Forecasting.Ets;

/// <summary>
/// Fits ETS(A,Ad,A) — additive errors, additive damped trend, additive seasonality — by maximum likelihood,
/// reproducing statsmodels' <c>ETSModel(y, error="add", trend="add", damped_trend=True, seasonal="add",
/// seasonal_periods=m).fit()</c> (its default "estimated" initial states and default bounds).
/// </summary>
/// <remarks>
/// With additive errors the likelihood, concentrated over σ², is −n/2·log(SSE) plus a constant, so the fit
/// minimises the SSE of the one-step errors. The initial states are solved for exactly by least squares for
/// every trial of the smoothing parameters (<see cref="InitialStateLeastSquares"/>), and the four smoothing
/// parameters are searched by Nelder–Mead inside statsmodels' bounds (<see cref="EtsSearchSpace"/>) from two
/// starts, then restarted from the better point until a restart no longer improves the fit.
/// </remarks>
public static class EtsModel
{
    private const int MaxRestarts = 2;
    private const int MaxEvaluationsPerRun = 1500;

    /// <summary>
    /// The shortest series <see cref="Fit"/> accepts: two full seasons, and more observations than the
    /// m + 5 estimated parameters (α, β, γ, φ, level, trend and m − 1 free seasonals).
    /// </summary>
    public static int MinimumLength(int seasonPeriod) => Math.Max(2 * seasonPeriod, seasonPeriod + 6);

    /// <summary>Fits the model to <paramref name="y"/> (oldest first) with season length <paramref name="seasonPeriod"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The series is shorter than <see cref="MinimumLength"/> or holds a NaN or infinity. There is no fallback
    /// to a simpler model: a caller with a short series checks <see cref="MinimumLength"/> first (or catches
    /// this) and uses its own baseline.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonPeriod"/> is below 2.</exception>
    public static EtsFit Fit(IReadOnlyList<double> y, int seasonPeriod)
    {
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonPeriod, 2);
        var minimum = MinimumLength(seasonPeriod);
        if (y.Count < minimum)
        {
            throw new ArgumentException(
                $"ETS(A,Ad,A) with season {seasonPeriod} needs at least {minimum} observations (two seasons and more than its {seasonPeriod + 5} parameters); the series has {y.Count}.",
                nameof(y));
        }

        var series = y.ToArray();
        if (!Array.TrueForAll(series, double.IsFinite))
        {
            throw new ArgumentException("The series holds a NaN or infinite value.", nameof(y));
        }

        var start = StartingState.From(series, seasonPeriod);
        var leastSquares = new InitialStateLeastSquares(series, start);
        var parameters = Search(leastSquares, series);
        var initial = SumToZero(leastSquares.BestInitialState(parameters));

        var (level, trend) = (initial.Level, initial.Trend);
        var season = initial.Seasonals.ToArray();
        var errors = new double[series.Length];
        EtsRecursion.Run(series, parameters, ref level, ref trend, season, errors);
        var fitted = new double[series.Length];
        var sse = 0.0;
        for (var t = 0; t < series.Length; t++)
        {
            fitted[t] = series[t] - errors[t];
            sse += errors[t] * errors[t];
        }

        var final = new EtsState(level, trend, EtsRecursion.InTimeOrder(season, series.Length));
        return new EtsFit(seasonPeriod, parameters, initial, final, fitted, sse);
    }

    private static EtsParameters Search(InitialStateLeastSquares leastSquares, double[] series)
    {
        // Tolerances on the simplex's SSEs, relative to the series' own sum of squares about its mean (the
        // SSE of a flat forecast), with a floor so a constant or all-zero series stops at once.
        var mean = series.Average();
        var spread = series.Sum(v => (v - mean) * (v - mean));
        var floor = (1e-14 * series.Sum(v => v * v)) + 1e-300;
        var rough = Math.Max(1e-6 * spread, floor);
        var fine = Math.Max(1e-10 * spread, floor);

        // A restart that gains less than this does not earn another (it moves forecasts by far less than 0.1%).
        var worthRestarting = Math.Max(1e-8 * spread, floor);

        double Sse(double[] point) => leastSquares.Sse(EtsSearchSpace.ToParameters(point));

        // The likelihood often has one optimum with strong damping (φ at 0.8) and another with weak (φ at
        // 0.98); statsmodels' start alone finds the worse one now and then, so a second start near the
        // other end is searched roughly as well and the better result is refined.
        var (point, value) = (Array.Empty<double>(), double.PositiveInfinity);
        foreach (var start in EtsSearchSpace.Starts)
        {
            var (candidate, candidateValue, _) = BoxNelderMead.Minimize(
                Sse, start, EtsSearchSpace.Lower, EtsSearchSpace.Upper, 0.1, rough, MaxEvaluationsPerRun);
            if (candidateValue < value)
            {
                (point, value) = (candidate, candidateValue);
            }
        }

        // Nelder–Mead can also stall on a collapsed simplex; a fresh, smaller simplex at the best point
        // either confirms it or moves on.
        for (var restart = 0; restart < MaxRestarts; restart++)
        {
            var (next, nextValue, _) = BoxNelderMead.Minimize(
                Sse, point, EtsSearchSpace.Lower, EtsSearchSpace.Upper, 0.02, fine, MaxEvaluationsPerRun);
            var improved = value - nextValue > worthRestarting;
            if (nextValue < value)
            {
                (point, value) = (next, nextValue);
            }

            if (!improved)
            {
                break;
            }
        }

        return EtsSearchSpace.ToParameters(point);
    }

    /// <summary>Moves the seasonals' mean into the level; the fitted values do not change.</summary>
    private static EtsState SumToZero(EtsState state)
    {
        var mean = state.Seasonals.Average();
        return new EtsState(state.Level + mean, state.Trend, [.. state.Seasonals.Select(s => s - mean)]);
    }
}
