namespace Analytics.Forecasting;

/// <summary>
/// A series' backtest: every method's scores, the method chosen for it and why, and how often the
/// prediction intervals held the actual count.
/// </summary>
/// <param name="FirstDay">The series' first day with a ticket.</param>
/// <param name="HistoryPeriods">Days or weeks of history at the end of the training data.</param>
/// <param name="Chosen">The method its forecasts use.</param>
/// <param name="Reason">The choice in words, with the evidence (or why there is none).</param>
/// <param name="Scores">Backtest scores per method, over the same origins and horizon steps; empty when the series was too young to backtest.</param>
/// <param name="InSampleScale">
/// What MASE divides by: the seasonal naive's mean absolute error on the series' backtest points (the
/// in-sample error over the history only for a series too young to backtest). The name is kept for stored models.
/// </param>
/// <param name="Dispersion">
/// The series' spread of forecast errors relative to Poisson noise (mean |error| / sqrt(forecast + 1)),
/// which scales the shared interval quantiles to this series.
/// </param>
/// <param name="CoveragePoints">Backtest forecasts whose intervals were checked, each with intervals calibrated on the other origins only.</param>
/// <param name="Covered80">Of those, how many actuals fell inside the 80% interval.</param>
/// <param name="Covered95">Of those, how many actuals fell inside the 95% interval.</param>
public sealed record SeriesEvaluation(
    SeriesKey Key,
    DateOnly FirstDay,
    int HistoryPeriods,
    ForecastMethod Chosen,
    string Reason,
    IReadOnlyList<MethodScores> Scores,
    double InSampleScale,
    double Dispersion,
    int CoveragePoints,
    int Covered80,
    int Covered95)
{
    public AccuracyScores? ScoresOf(ForecastMethod method) => Scores.FirstOrDefault(s => s.Method == method)?.Scores;

    /// <summary>The series' own interval calibration; null for a model stored before it existed (the pooled quantiles then serve).</summary>
    public SeriesIntervals? Intervals { get; init; }

    /// <summary>The chosen method's scores.</summary>
    public AccuracyScores? ChosenScores => ScoresOf(Chosen);
}

/// <summary>
/// Conformal quantiles of the normalised backtest errors at one horizon step: an interval is
/// forecast + dispersion x quantile x sqrt(forecast + 1), clipped at zero.
/// </summary>
public sealed record IntervalQuantiles(int Horizon, double Lower80, double Upper80, double Lower95, double Upper95);
