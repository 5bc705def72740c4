namespace Analytics.Forecasting.Ets;

/// <summary>
/// The box the parameter search runs in, statsmodels' default bounds: α ∈ [1e-4, 1 − 1e-4], β/α and
/// γ/(1 − α) in the same interval (so 0 &lt; β &lt; α and 0 &lt; γ &lt; 1 − α, Hyndman et al.'s usual region, become
/// a box), φ ∈ [0.8, 0.98]. The search point is (α, β/α, γ/(1 − α), φ).
/// </summary>
internal static class EtsSearchSpace
{
    private const double Margin = 1e-4;

    public static double[] Lower => [Margin, Margin, Margin, 0.8];

    public static double[] Upper => [1 - Margin, 1 - Margin, 1 - Margin, 0.98];

    /// <summary>
    /// statsmodels' start, α = 0.1, β = γ = 0.01, φ = 0.98 (each nudged 1e-3 off its bound as statsmodels
    /// does), and a start with strong damping and faster smoothing for the optimum statsmodels' start can miss.
    /// </summary>
    public static IReadOnlyList<double[]> Starts =>
    [
        ToPoint(new EtsParameters(0.101, 0.011, 0.011, 0.98)),
        ToPoint(new EtsParameters(0.2, 0.02, 0.05, 0.85)),
    ];

    public static EtsParameters ToParameters(double[] point) =>
        new(point[0], point[0] * point[1], (1 - point[0]) * point[2], point[3]);

    public static double[] ToPoint(EtsParameters p) => [p.Alpha, p.Beta / p.Alpha, p.Gamma / (1 - p.Alpha), p.Phi];
}
