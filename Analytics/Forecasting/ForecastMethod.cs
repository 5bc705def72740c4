namespace Analytics.Forecasting;

/// <summary>What produced a forecast.</summary>
public enum ForecastMethod
{
    /// <summary>The global ML.NET model (boosted trees, Tweedie objective) over all series.</summary>
    Model,

    /// <summary>
    /// Daily: the value of the last known same weekday ("last week's Monday"). Weekly: last week's value.
    /// The benchmark every forecast is scaled against (MASE).
    /// </summary>
    SeasonalNaive,

    /// <summary>Daily: the mean of the last four known same weekdays. Weekly: the mean of the last four weeks.</summary>
    MovingAverage,

    /// <summary>Exponential smoothing with a damped trend and the season, fitted on the series alone (<see cref="EtsCandidate"/>).</summary>
    Ets,

    /// <summary>The mean of the global model's and the exponential smoothing's forecasts.</summary>
    Combined,
}
