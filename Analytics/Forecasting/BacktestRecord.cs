namespace Analytics.Forecasting;

/// <summary>
/// One out-of-sample forecast of the backtest, as the chosen method made it: enough for anyone to re-score
/// the forecast (<c>forecast --backtest-csv</c>).
/// </summary>
/// <param name="Origin">The last period the forecast knew (its first day).</param>
/// <param name="Date">The period forecast (its first day).</param>
/// <param name="Step">Periods ahead of the origin, from 1.</param>
public sealed record BacktestRecord(
    SeriesKey Series,
    DateOnly Origin,
    DateOnly Date,
    int Step,
    double Actual,
    double Forecast,
    double Lower80,
    double Upper80,
    double Lower95,
    double Upper95,
    ForecastMethod Method);

/// <summary>A backtest run on the history as of now: every series' records, and the metadata of the training behind them.</summary>
public sealed record BacktestRun(ForecastModelMetadata Metadata, IReadOnlyList<BacktestRecord> Records);
