namespace Analytics.Forecasting;

/// <summary>One period's forecast with its 80% and 95% prediction intervals (never below zero).</summary>
/// <param name="Date">The day, or the Monday of the ISO week.</param>
public sealed record ForecastPoint(DateOnly Date, double Forecast, double Lower80, double Upper80, double Lower95, double Upper95);

/// <summary>A series' forecast from its last complete period, the method behind it and that method's evidence.</summary>
/// <param name="Method">What produced the forecast.</param>
/// <param name="Reason">Why this method: the backtest evidence, or the fallback and its cause (e.g. too little history).</param>
/// <param name="Origin">The last period the forecast knew (its first day).</param>
/// <param name="IsFallback">A baseline stands in for the model because the series is too young or there is no model (the reason says which).</param>
/// <param name="Backtest">The series' backtest at the last training; null for a series the model has not seen.</param>
public sealed record SeriesForecast(
    SeriesKey Key,
    SeriesFrequency Frequency,
    ForecastMethod Method,
    string Reason,
    bool IsFallback,
    DateOnly Origin,
    IReadOnlyList<ForecastPoint> Points,
    SeriesEvaluation? Backtest);

/// <summary>
/// The forecasts of every series from the last good model, with the model's metadata and age. The
/// weekly and daily forecasts are separate sets.
/// </summary>
/// <param name="ModelAge">Time since the model was trained.</param>
/// <remarks><paramref name="ModelId"/> is 0 for a model trained for this forecast only (as of a past moment) and not stored.</remarks>
public sealed record ForecastSet(ForecastModelMetadata Model, long ModelId, TimeSpan ModelAge, IReadOnlyList<SeriesForecast> Series)
{
    public SeriesFrequency Frequency => Model.Frequency;

    public SeriesForecast? Department => Series.FirstOrDefault(s => s.Key.Level == SeriesLevel.Department);

    /// <summary>The team's total, or null when the team has no series.</summary>
    public SeriesForecast? ForTeam(string team) => Series.FirstOrDefault(s => s.Key.Level == SeriesLevel.Team && string.Equals(s.Key.Team, team, StringComparison.Ordinal));

    /// <summary>The team's breakdown series (kind or category, by the configured grain).</summary>
    public IReadOnlyList<SeriesForecast> BreakdownOf(string team) =>
        [.. Series.Where(s => s.Key.Level == SeriesLevel.Breakdown && string.Equals(s.Key.Team, team, StringComparison.Ordinal))];
}
