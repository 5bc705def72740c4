namespace Analytics.Forecasting;

/// <summary>
/// Everything stored with a trained model: its data window, features, settings, per-series backtest
/// evidence and choices, and the interval calibration. Serialised as JSON next to the model's bytes.
/// </summary>
public sealed record ForecastModelMetadata
{
    public required SeriesFrequency Frequency { get; init; }

    public required ForecastGrain Grain { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>First day of the training data.</summary>
    public required DateOnly DataFrom { get; init; }

    /// <summary>Last day of the training data (a Sunday for weekly models).</summary>
    public required DateOnly DataTo { get; init; }

    /// <summary>Periods ahead (days or weeks).</summary>
    public required int Horizon { get; init; }

    /// <summary>Minimum history (periods) for the model to be used on a series.</summary>
    public required int MinimumHistory { get; init; }

    /// <summary>Backtest origins (last known period of each, its first day), oldest first.</summary>
    public required IReadOnlyList<DateOnly> BacktestOrigins { get; init; }

    /// <summary>Numeric features of the model, in order; the series identity is one-hot encoded beside them.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>False when there was too little data to train a model: every series then uses a baseline.</summary>
    public required bool HasModel { get; init; }

    /// <summary>Whether the model takes unknown features as -1 (trained on a short history), rather than skipping them.</summary>
    public bool MissingAsSentinel { get; init; }

    /// <summary>The trainer and its settings, in words.</summary>
    public required string Trainer { get; init; }

    public required int TrainingRows { get; init; }

    public required double TrainingSeconds { get; init; }

    public required IReadOnlyList<SeriesEvaluation> Series { get; init; }

    public required IReadOnlyList<IntervalQuantiles> Quantiles { get; init; }

    /// <summary>Whether the quantiles come from backtest errors (false: a Poisson approximation, for want of a backtest).</summary>
    public required bool IntervalsCalibrated { get; init; }

    public SeriesEvaluation? Evaluation(SeriesKey key) => Series.FirstOrDefault(s => s.Key == key);

    /// <summary>The backtest summed up over the series of one level (all levels when null).</summary>
    public BacktestSummary Summary(SeriesLevel? level = null) => BacktestSummary.Of(Series.Where(s => level is null || s.Key.Level == level));
}

/// <summary>
/// Backtest figures over several series: the mean of their MASE per method and for the chosen forecasts,
/// and the share of actuals inside the intervals.
/// </summary>
public sealed record BacktestSummary(
    int SeriesCount,
    double? ModelMase,
    double? SeasonalNaiveMase,
    double? MovingAverageMase,
    double? ChosenMase,
    double? ChosenSmape,
    double? ChosenRelativeBias,
    double? Coverage80,
    double? Coverage95)
{
    internal static BacktestSummary Of(IEnumerable<SeriesEvaluation> series)
    {
        var list = series.Where(s => s.Scores.Count > 0).ToList();
        double? Mean(Func<SeriesEvaluation, double?> value)
        {
            var values = list.Select(value).Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
            return values.Count > 0 ? values.Average() : null;
        }

        var points = list.Sum(s => s.CoveragePoints);
        return new BacktestSummary(
            list.Count,
            // Only over series where every method has a MASE, so the methods are compared on the same series.
            MeanOverComparable(list, ForecastMethod.Model),
            MeanOverComparable(list, ForecastMethod.SeasonalNaive),
            MeanOverComparable(list, ForecastMethod.MovingAverage),
            MeanOverComparable(list, null),
            Mean(s => s.ChosenScores?.Smape),
            Mean(s => s.ChosenScores?.RelativeBias),
            points > 0 ? (double)list.Sum(s => s.Covered80) / points : null,
            points > 0 ? (double)list.Sum(s => s.Covered95) / points : null);
    }

    private static double? MeanOverComparable(List<SeriesEvaluation> list, ForecastMethod? method)
    {
        var comparable = list.Where(s => s.Scores.All(m => m.Scores.Mase is not null) && s.ChosenScores?.Mase is not null).ToList();
        if (comparable.Count == 0 || (method is { } m && comparable.Any(s => s.ScoresOf(m) is null)))
        {
            return null;
        }

        return comparable.Average(s => (method is { } x ? s.ScoresOf(x) : s.ChosenScores)!.Mase!.Value);
    }
}
