namespace Analytics.Forecasting.Ets;

/// <summary>The level, trend and the last season of seasonal states of an ETS(A,Ad,A) model at one moment.</summary>
/// <param name="Seasonals">
/// The last <c>m</c> seasonal states in time order: the first is the one the next observation uses, the
/// last the one set by the latest observation.
/// </param>
public sealed record EtsState(double Level, double Trend, IReadOnlyList<double> Seasonals);
