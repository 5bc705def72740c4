namespace Analytics.Forecasting.Ets;

/// <summary>A fitted ETS(A,Ad,A) model: its parameters, states and one-step errors, and its forecasts.</summary>
public sealed class EtsFit
{
    private readonly double[] fittedValues;

    internal EtsFit(int seasonPeriod, EtsParameters parameters, EtsState initialState, EtsState finalState, double[] fittedValues, double sse)
    {
        SeasonPeriod = seasonPeriod;
        Parameters = parameters;
        InitialState = initialState;
        FinalState = finalState;
        this.fittedValues = fittedValues;
        Sse = sse;
    }

    public int SeasonPeriod { get; }

    public EtsParameters Parameters { get; }

    /// <summary>
    /// The estimated state before the first observation, its seasonals summing to zero. (statsmodels
    /// reports s₋ₘ = 0 instead; the two differ by a constant moved between level and seasonals and give
    /// the same fitted values and forecasts.)
    /// </summary>
    public EtsState InitialState { get; }

    /// <summary>The state after the last observation, the one forecasts start from.</summary>
    public EtsState FinalState { get; }

    /// <summary>The one-step-ahead forecast of each observation.</summary>
    public IReadOnlyList<double> FittedValues => fittedValues;

    public int Count => fittedValues.Length;

    /// <summary>The sum of squared one-step errors.</summary>
    public double Sse { get; }

    /// <summary>The variance of the one-step errors, SSE / n (statsmodels' <c>mse</c>, the maximum-likelihood estimate).</summary>
    public double Sigma2 => Sse / Count;

    /// <summary>The Gaussian log-likelihood, −n/2 (log(2π σ²) + 1); +∞ when the series is fitted exactly (σ² = 0).</summary>
    public double LogLikelihood => -Count / 2.0 * (Math.Log(2 * Math.PI * Sigma2) + 1);

    /// <summary>
    /// Point forecasts 1..<paramref name="horizon"/> steps after the last observation:
    /// l + (φ + … + φʰ) b + s[n + h − m⌈h/m⌉].
    /// </summary>
    public double[] Forecast(int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        var (level, trend, seasonals) = (FinalState.Level, FinalState.Trend, FinalState.Seasonals);
        var phi = Parameters.Phi;
        var forecasts = new double[horizon];
        var dampedSum = 0.0;
        var power = 1.0;
        for (var h = 1; h <= horizon; h++)
        {
            power *= phi;
            dampedSum += power;
            forecasts[h - 1] = level + (dampedSum * trend) + seasonals[(h - 1) % SeasonPeriod];
        }

        return forecasts;
    }

    /// <summary>
    /// The variance of the <paramref name="h"/>-step forecast error, σ² times the closed form for ETS(A,Ad,A)
    /// in Hyndman et al. (2008), table 6.1 (class 1) — the same formula statsmodels uses. It equals
    /// σ²(1 + Σⱼ₌₁ʰ⁻¹ cⱼ²) with cⱼ = α + β(φ + … + φʲ) + γ·[j mod m = 0], and grows with h.
    /// </summary>
    public double Variance(int h)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(h, 1);
        var (alpha, beta, gamma, phi) = (Parameters.Alpha, Parameters.Beta, Parameters.Gamma, Parameters.Phi);
        var m = SeasonPeriod;
        var k = (h - 1) / m; // whole seasons before step h
        var phiH = Math.Pow(phi, h);
        var phiM = Math.Pow(phi, m);
        var relative = 1
            + (alpha * alpha * (h - 1))
            + (gamma * k * ((2 * alpha) + gamma))
            + (beta * phi * h / ((1 - phi) * (1 - phi)) * ((2 * alpha * (1 - phi)) + (beta * phi)))
            - (beta * phi * (1 - phiH) / ((1 - phi) * (1 - phi) * (1 - (phi * phi)))
                * ((2 * alpha * (1 - (phi * phi))) + (beta * phi * (1 + (2 * phi) - phiH))))
            + (2 * beta * gamma * phi / ((1 - phi) * (1 - phiM)) * ((k * (1 - phiM)) - (phiM * (1 - Math.Pow(phi, m * k)))));
        return Sigma2 * relative;
    }
}
