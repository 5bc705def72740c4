using System.Diagnostics;
using System.Globalization;
using Analytics.Calendar;

namespace Analytics.Forecasting;

/// <summary>
/// Trains the global model, backtests it against the baselines with a rolling origin (scored, chosen and
/// calibrated by <see cref="BacktestEvaluation"/>), and forecasts. Pure computation: the series come in, model
/// bytes and metadata go out; the store is the trainer's business.
/// </summary>
internal sealed class ForecastEngine(ForecastOptions options, IHolidayCalendar holidays)
{
    private readonly VacationPeriods _vacations = new(options.SummerFirstWeek, options.SummerLastWeek);

    /// <summary>Fewer training rows than this and no model is trained: the baselines carry the forecast.</summary>
    internal const int MinimumTrainingRows = 200;

    public int Horizon(SeriesFrequency frequency) => frequency == SeriesFrequency.Daily ? options.DailyHorizon : options.WeeklyHorizon;

    public int MinimumHistory(SeriesFrequency frequency)
    {
        var periods = frequency == SeriesFrequency.Daily ? options.MinimumHistoryWeeks * 7 : options.MinimumHistoryWeeks;
        return Math.Max(periods, SeriesFeatures.For(frequency, holidays, _vacations).MinimumOrigin + 1);
    }

    public TrainedForecast Train(IReadOnlyList<CountSeries> series, SeriesFrequency frequency, DateTimeOffset createdAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(series);
        var histories = series.Where(s => s.Count > 0 && s.Frequency == frequency).Select(s => new SeriesHistory(s)).ToList();
        if (histories.Count == 0)
        {
            throw new ArgumentException("There is no series to train on.", nameof(series));
        }

        var features = SeriesFeatures.For(frequency, holidays, _vacations);
        var horizon = Horizon(frequency);
        var minimumHistory = MinimumHistory(frequency);
        var end = histories.Max(h => h.Series.End);
        var spacing = frequency == SeriesFrequency.Daily ? 7 : 1;
        var periodDays = histories[0].Series.PeriodDays;
        var origins = Enumerable.Range(0, options.BacktestOrigins)
            .Select(j => end.AddDays(-(horizon + (spacing * j)) * periodDays))
            .Reverse()
            .ToList();

        var clock = Stopwatch.StartNew();
        cancellationToken.ThrowIfCancellationRequested();

        // Each backtest model sees nothing after the first origin it forecasts from, so every backtest
        // forecast is out of sample. Refitting for later origins mimics the nightly retraining.
        var points = new List<BacktestPoint>();
        var refits = Math.Clamp(options.BacktestRefits, 1, origins.Count);
        for (var r = 0; r < refits; r++)
        {
            var firstOrigin = r * origins.Count / refits;
            var lastOrigin = ((r + 1) * origins.Count / refits) - 1;
            var backtestRows = TrainingRows(histories, features, horizon, origins[firstOrigin]);
            var backtestModel = backtestRows.Count >= MinimumTrainingRows
                ? GlobalForecastModel.Train(backtestRows, features.Names.Count, options, MinimumTrainingRows, cancellationToken)
                : null;
            points.AddRange(Backtest(histories, features, horizon, minimumHistory, origins, firstOrigin, lastOrigin, backtestModel));
        }

        var finalRows = TrainingRows(histories, features, horizon, end);
        var model = finalRows.Count >= MinimumTrainingRows
            ? GlobalForecastModel.Train(finalRows, features.Names.Count, options, MinimumTrainingRows, cancellationToken)
            : null;

        var evaluations = BacktestEvaluation.Evaluate(histories, features, frequency, horizon, minimumHistory, origins, points, model is not null);
        clock.Stop();

        var metadata = new ForecastModelMetadata
        {
            Frequency = frequency,
            Grain = options.Grain,
            CreatedAt = createdAt,
            DataFrom = histories.Min(h => h.Series.Start),
            DataTo = end.AddDays(periodDays - 1),
            Horizon = horizon,
            MinimumHistory = minimumHistory,
            BacktestOrigins = origins,
            Features = [.. features.Names, "series (one-hot)"],
            HasModel = model is not null,
            MissingAsSentinel = model?.MissingAsSentinel ?? false,
            Trainer = string.Create(CultureInfo.InvariantCulture,
                $"ML.NET FastTreeTweedie (power {options.TweediePower}, {options.Trees} trees, {options.Leaves} leaves, learning rate {options.LearningRate}), ratio-to-scale label weighted by scale"),
            TrainingRows = finalRows.Count,
            TrainingSeconds = clock.Elapsed.TotalSeconds,
            Series = evaluations.Series,
            Quantiles = evaluations.Quantiles,
            IntervalsCalibrated = evaluations.Calibrated,
        };
        return new TrainedForecast(model, metadata) { Backtest = BacktestRecords(histories, origins, points, evaluations.HeldOut, metadata), Points = points };
    }

    /// <summary>
    /// Forecasts every series from its last period. <paramref name="model"/> may be null (no model could be
    /// trained), and a series the metadata does not know (new team or category) gets a method by its age.
    /// </summary>
    public IReadOnlyList<SeriesForecast> Forecast(GlobalForecastModel? model, ForecastModelMetadata metadata, IReadOnlyList<CountSeries> series)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(series);
        var features = SeriesFeatures.For(metadata.Frequency, holidays, _vacations);
        var outdated = model is not null && !metadata.Features.Take(features.Names.Count).SequenceEqual(features.Names, StringComparer.Ordinal);
        if (outdated)
        {
            // A model from an older version computes other features: the baselines serve until the nightly retraining.
            model = null;
        }

        var horizon = metadata.Horizon;
        var pooledDispersion = metadata.Series.Where(s => s.CoveragePoints > 0).Select(s => s.Dispersion).DefaultIfEmpty(1).Average();

        var plans = new List<(SeriesHistory History, ForecastMethod Method, string Reason, bool Fallback, SeriesEvaluation? Evaluation)>();
        var rows = new List<ForecastRow>();
        foreach (var s in series.Where(s => s.Count > 0 && s.Frequency == metadata.Frequency))
        {
            var history = new SeriesHistory(s);
            var evaluation = metadata.Evaluation(s.Key);
            var (method, reason, fallback) = outdated
                ? (ForecastMethod.SeasonalNaive, "the stored model was trained with other features by an older version: seasonal naive baseline until the next retraining", true)
                : Plan(history, evaluation, metadata, model is not null);
            if (method != ForecastMethod.Model && model is not null && !fallback
                && Enumerable.Range(1, horizon).Any(h => features.HolidayAffected(history, history.Count - 1, h)))
            {
                reason += "; on holidays (and days the baseline would copy from a holiday) the model's forecast, as the baseline knows no calendar";
            }

            plans.Add((history, method, reason, fallback, evaluation));
            if (model is not null && !fallback)
            {
                for (var h = 1; h <= horizon; h++)
                {
                    rows.Add(Row(history, features, history.Count - 1, h, label: double.NaN));
                }
            }
        }

        var ratios = model?.Predict(rows) ?? [];
        var next = 0;
        var forecasts = new List<SeriesForecast>(plans.Count);
        foreach (var (history, method, reason, fallback, evaluation) in plans)
        {
            var origin = history.Count - 1;
            var first = next;
            next += model is not null && !fallback ? horizon : 0;
            var dispersion = evaluation is { CoveragePoints: > 0 } e ? e.Dispersion : pooledDispersion;
            var scale = features.Scale(history, origin);
            var forecastPoints = new List<ForecastPoint>(horizon);
            var ets = method is ForecastMethod.Ets or ForecastMethod.Combined ? EtsCandidate.Forecast(history, features.Season, origin, horizon) : null;

            // No forecast, and no interval, beyond three times the busiest period the series has seen: a model
            // extrapolating from a surge once put 10^43 tickets on a report's axis.
            var ceiling = (3 * history.Series.Values.DefaultIfEmpty(0).Max()) + 10;
            for (var h = 1; h <= horizon; h++)
            {
                var useModel = model is not null && !fallback && (method == ForecastMethod.Model || features.HolidayAffected(history, origin, h));
                var modelPoint = model is not null && !fallback ? ratios[first + h - 1] * scale : double.NaN;
                var raw = (method, ets) switch
                {
                    // On holidays the model, which knows the calendar; smoothing does not.
                    _ when useModel && method is not ForecastMethod.Combined => modelPoint,
                    (ForecastMethod.Combined, { } smoothed) when !features.HolidayAffected(history, origin, h) && double.IsFinite(modelPoint) => (modelPoint + smoothed[h - 1]) / 2,
                    (ForecastMethod.Combined, _) when double.IsFinite(modelPoint) => modelPoint,
                    (ForecastMethod.Ets, { } smoothed) => smoothed[h - 1],
                    (ForecastMethod.Ets or ForecastMethod.Combined, _) => Baselines.Forecast(ForecastMethod.SeasonalNaive, history, features.Season, origin, h),
                    _ => Baselines.Forecast(method, history, features.Season, origin, h),
                };
                // A candidate that gave no number here (a smoothing fit that did not converge) hands over to the seasonal naive, never to 0.
                var point = Math.Clamp(double.IsFinite(raw) ? raw : Baselines.Forecast(ForecastMethod.SeasonalNaive, history, features.Season, origin, h), 0, ceiling);
                CountInterval interval;
                if (evaluation?.Intervals is { } own)
                {
                    interval = own.At(point, h);
                }
                else
                {
                    // A series the backtest did not see (new team or category): the pooled quantiles, as counts.
                    var q = metadata.Quantiles.FirstOrDefault(x => x.Horizon == h) ?? ConformalIntervals.Uncalibrated(h);
                    var (lo80, hi80) = ConformalIntervals.Interval(point, dispersion, q.Lower80, q.Upper80);
                    var (lo95, hi95) = ConformalIntervals.Interval(point, dispersion, q.Lower95, q.Upper95);
                    interval = CountInterval.Of(point, lo80, hi80, lo95, hi95);
                }

                forecastPoints.Add(new ForecastPoint(
                    history.DateAt(origin + h), point, Math.Min(interval.Lower80, ceiling), Math.Min(interval.Upper80, ceiling), Math.Min(interval.Lower95, ceiling), Math.Min(interval.Upper95, ceiling)));
            }

            forecasts.Add(new SeriesForecast(history.Series.Key, metadata.Frequency, method, reason, fallback, history.DateAt(origin), forecastPoints, evaluation));
        }

        return forecasts;
    }

    private static (ForecastMethod Method, string Reason, bool Fallback) Plan(SeriesHistory history, SeriesEvaluation? evaluation, ForecastModelMetadata metadata, bool hasModel)
    {
        if (history.Count < metadata.MinimumHistory)
        {
            return (ForecastMethod.SeasonalNaive, TooShort(history.Count, metadata.MinimumHistory, metadata.Frequency), true);
        }

        if (evaluation is { Scores.Count: > 0 } && (evaluation.Chosen != ForecastMethod.Model || hasModel))
        {
            return (evaluation.Chosen, evaluation.Reason, false);
        }

        return hasModel
            ? (ForecastMethod.Model, NotBacktested, false)
            : (ForecastMethod.SeasonalNaive, "no model could be trained (too little data): seasonal naive baseline", true);
    }

    internal const string NotBacktested = "not backtested (the series is newer than the backtest origins): the global model";

    internal static string TooShort(int periods, int minimum, SeriesFrequency frequency)
    {
        var unit = frequency == SeriesFrequency.Daily ? "days" : "weeks";
        return string.Create(CultureInfo.InvariantCulture,
            $"only {periods} {unit} of history, fewer than the {minimum} the model needs: seasonal naive baseline instead");
    }

    private List<ForecastRow> TrainingRows(List<SeriesHistory> histories, SeriesFeatures features, int horizon, DateOnly lastTarget)
    {
        var random = new Random(options.Seed);
        var perTarget = Math.Min(horizon, options.TrainingHorizonsPerDay);
        var steps = Enumerable.Range(1, horizon).ToArray();
        var rows = new List<ForecastRow>();
        foreach (var history in histories)
        {
            var last = Math.Min(history.Count - 1, history.IndexOf(lastTarget));
            for (var target = features.MinimumOrigin + 1; target <= last; target++)
            {
                // A few horizon steps drawn per target day instead of all of them: the model learns the
                // horizon as a feature from a sample, and training time stays linear in days x series.
                if (perTarget < horizon)
                {
                    random.Shuffle(steps);
                }

                for (var k = 0; k < perTarget; k++)
                {
                    var origin = target - steps[k];
                    if (origin >= features.MinimumOrigin)
                    {
                        rows.Add(Row(history, features, origin, steps[k], history[target]));
                    }
                }
            }
        }

        return rows;
    }

    private static ForecastRow Row(SeriesHistory history, SeriesFeatures features, int origin, int horizon, double label)
    {
        var values = new float[features.Names.Count];
        features.Fill(history, history.Series.Key.Level, origin, horizon, values);
        var scale = features.Scale(history, origin);
        return new ForecastRow
        {
            Label = double.IsNaN(label) ? 0 : (float)(label / scale),
            Weight = (float)scale,
            Numeric = values,
            SeriesId = history.Series.Key.Id,
        };
    }

    private static List<BacktestPoint> Backtest(
        List<SeriesHistory> histories, SeriesFeatures features, int horizon, int minimumHistory, List<DateOnly> origins, int firstOrigin, int lastOrigin, GlobalForecastModel? model)
    {
        var points = new List<BacktestPoint>();
        var rows = new List<ForecastRow>();
        for (var s = 0; s < histories.Count; s++)
        {
            var history = histories[s];
            for (var k = firstOrigin; k <= lastOrigin; k++)
            {
                var origin = history.IndexOf(origins[k]);
                if (origin + 1 < minimumHistory || origin + horizon >= history.Count)
                {
                    continue;
                }

                for (var h = 1; h <= horizon; h++)
                {
                    points.Add(new BacktestPoint(
                        s,
                        k,
                        h,
                        history.Actual(origin + h),
                        Baselines.SeasonalNaive(history, features.Season, origin, h),
                        Baselines.MovingAverage(history, features.Season, origin, h))
                    {
                        Scale = features.Scale(history, origin),
                    });
                    if (model is not null)
                    {
                        rows.Add(Row(history, features, origin, h, double.NaN));
                    }
                }
            }
        }

        if (model is not null)
        {
            var ratios = model.Predict(rows);
            for (var i = 0; i < points.Count; i++)
            {
                points[i] = points[i] with { Model = ratios[i] * points[i].Scale };
            }
        }

        // Exponential smoothing refitted at every origin on the series up to it; the fits are independent, so in parallel.
        var fits = points.Select(p => (p.Series, p.Origin)).Distinct().ToList();
        var ets = new double[]?[fits.Count];
        Parallel.For(0, fits.Count, i =>
        {
            var history = histories[fits[i].Series];
            ets[i] = EtsCandidate.Forecast(history, features.Season, history.IndexOf(origins[fits[i].Origin]), horizon);
        });
        var byFit = fits.Select((f, i) => (f, i)).ToDictionary(x => x.f, x => ets[x.i]);
        for (var i = 0; i < points.Count; i++)
        {
            if (byFit[(points[i].Series, points[i].Origin)] is { } forecast)
            {
                points[i] = points[i] with { Ets = forecast[points[i].Horizon - 1] };
            }
        }

        return points;
    }

    /// <summary>The backtest points of each series' chosen method, each with the intervals calibrated without its origin.</summary>
    private static List<BacktestRecord> BacktestRecords(List<SeriesHistory> histories, List<DateOnly> origins, List<BacktestPoint> points, CountInterval?[] heldOut, ForecastModelMetadata metadata)
    {
        var records = new List<BacktestRecord>(points.Count);
        for (var i = 0; i < points.Count; i++)
        {
            var p = points[i];
            var history = histories[p.Series];
            var method = metadata.Evaluation(history.Series.Key)?.Chosen ?? ForecastMethod.SeasonalNaive;
            var forecast = p.Forecast(method);
            if (double.IsNaN(forecast) || heldOut[i] is not { } interval)
            {
                continue;
            }

            var origin = history.IndexOf(origins[p.Origin]);
            records.Add(new BacktestRecord(history.Series.Key, history.DateAt(origin), history.DateAt(origin + p.Horizon), p.Horizon, p.Actual, forecast, interval.Lower80, interval.Upper80, interval.Lower95, interval.Upper95, method));
        }

        return records;
    }

    internal static string Describe(ForecastMethod method) => method switch
    {
        ForecastMethod.Model => "model",
        ForecastMethod.Ets => "exponential smoothing",
        ForecastMethod.Combined => "model and smoothing combined",
        ForecastMethod.SeasonalNaive => "seasonal naive",
        _ => "moving average",
    };
}

/// <summary>A training run's result: the model (null when there was too little data), its metadata and the backtest records of the chosen methods.</summary>
internal sealed record TrainedForecast(GlobalForecastModel? Model, ForecastModelMetadata Metadata)
{
    public IReadOnlyList<BacktestRecord> Backtest { get; init; } = [];

    /// <summary>Every candidate's backtest forecasts, chosen or not.</summary>
    public IReadOnlyList<BacktestPoint> Points { get; init; } = [];
}
