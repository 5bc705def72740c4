namespace Analytics.Forecasting.Ets;

/// <summary>The smoothing parameters of an ETS(A,Ad,A) model in the error-correction form (Hyndman et al. 2008).</summary>
/// <param name="Alpha">Level smoothing: the level moves by <c>Alpha</c> times each one-step error.</param>
/// <param name="Beta">Trend smoothing, below <paramref name="Alpha"/>.</param>
/// <param name="Gamma">Seasonal smoothing, below <c>1 - Alpha</c>.</param>
/// <param name="Phi">Trend damping: the trend's effect h steps ahead is <c>Phi + … + Phi^h</c> times the trend.</param>
public readonly record struct EtsParameters(double Alpha, double Beta, double Gamma, double Phi);
