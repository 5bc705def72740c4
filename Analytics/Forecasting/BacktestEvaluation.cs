using System.Globalization;

namespace Analytics.Forecasting;

/// <summary>
/// Scores the backtest: every method's accuracy per series on the same points, the method chosen per series
/// with its evidence, and conformal intervals whose coverage is itself measured out of sample.
/// </summary>
internal static class BacktestEvaluation
{
    private static readonly ForecastMethod[] BaselineMethods = [ForecastMethod.SeasonalNaive, ForecastMethod.MovingAverage];

    public static (List<SeriesEvaluation> Series, List<IntervalQuantiles> Quantiles, bool Calibrated, CountInterval?[] HeldOut) Evaluate(
        List<SeriesHistory> histories, SeriesFeatures features, SeriesFrequency frequency, int horizon, int minimumHistory, List<DateOnly> origins, List<BacktestPoint> points, bool hasModel)
    {
        var bySeries = points.GroupBy(p => p.Series).ToDictionary(g => g.Key, g => g.ToList());
        var chosen = new ForecastMethod[histories.Count];
        var draft = new List<(SeriesHistory History, double Scale, List<MethodScores> Scores, string Reason)>();
        for (var s = 0; s < histories.Count; s++)
        {
            var history = histories[s];
            var mine = bySeries.GetValueOrDefault(s) ?? [];
            var firstOrigin = mine.Count > 0 ? history.IndexOf(origins[mine.Min(p => p.Origin)]) : history.Count - 1;
            // MASE is scaled by the seasonal naive's error on the same backtest points, not over the whole
            // history, whose holidays and surges flattered every score (0.526 for the naive itself on the demo).
            var scale = mine.Count > 0 ? mine.Average(p => Math.Abs(p.Actual - p.SeasonalNaive)) : InSampleScale(history, features.Season, firstOrigin);
            var actual = mine.Select(p => p.Actual).ToList();
            // A candidate is scored only where it forecast every point the baselines did, so all are compared on the same points.
            var methods = new[] { ForecastMethod.Model, ForecastMethod.Ets, ForecastMethod.Combined }
                .Where(m => mine.Count > 0 && mine.All(p => !double.IsNaN(p.Forecast(m))))
                .Concat(BaselineMethods)
                .ToArray();
            var scores = mine.Count == 0
                ? []
                : methods.Select(m => new MethodScores(m, AccuracyScores.Of(actual, mine.Select(p => p.Forecast(m)).ToList(), scale))).ToList();
            (chosen[s], var reason) = Choose(history, scores, minimumHistory, frequency, hasModel);
            draft.Add((history, scale, scores, reason));
        }

        // Each origin's intervals are calibrated on the other origins' errors, so the coverage is out of sample;
        // the intervals each backtest forecast had so are the ones anyone re-scoring the backtest should see.
        var covered80 = new int[histories.Count];
        var covered95 = new int[histories.Count];
        var checkedPoints = new int[histories.Count];
        var heldOut = new CountInterval?[points.Count];
        var errors = points.Select(p => new IntervalCalibration.Error(p.Series, p.Horizon, p.Actual, p.Forecast(chosen[p.Series]))).ToList();
        for (var k = 0; k < origins.Count; k++)
        {
            var held = k;
            var calibrated = IntervalCalibration.Calibrate(histories.Count, horizon, [.. errors.Where((_, i) => points[i].Origin != held && !double.IsNaN(errors[i].Forecast))]);
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                if (p.Origin != held || calibrated[p.Series] is not { } intervals || double.IsNaN(errors[i].Forecast))
                {
                    continue;
                }

                var interval = intervals.At(errors[i].Forecast, p.Horizon);
                heldOut[i] = interval;
                checkedPoints[p.Series]++;
                covered80[p.Series] += p.Actual >= interval.Lower80 && p.Actual <= interval.Upper80 ? 1 : 0;
                covered95[p.Series] += p.Actual >= interval.Lower95 && p.Actual <= interval.Upper95 ? 1 : 0;
            }
        }

        var final = IntervalCalibration.Calibrate(histories.Count, horizon, [.. errors.Where(e => !double.IsNaN(e.Forecast))]);
        var (finalDispersion, finalQuantiles) = Calibrate(histories.Count, horizon, points, chosen);
        var evaluations = draft.Select((d, s) => new SeriesEvaluation(
            d.History.Series.Key,
            d.History.Series.Start,
            d.History.Count,
            chosen[s],
            d.Reason,
            d.Scores,
            d.Scale,
            finalDispersion[s],
            checkedPoints[s],
            covered80[s],
            covered95[s]) { Intervals = final[s] }).ToList();
        return (evaluations, finalQuantiles, points.Count > 0, heldOut);
    }

    private static (ForecastMethod, string) Choose(SeriesHistory history, List<MethodScores> scores, int minimumHistory, SeriesFrequency frequency, bool hasModel)
    {
        if (history.Count < minimumHistory)
        {
            return (ForecastMethod.SeasonalNaive, ForecastEngine.TooShort(history.Count, minimumHistory, frequency));
        }

        if (scores.Count == 0)
        {
            return hasModel
                ? (ForecastMethod.Model, ForecastEngine.NotBacktested)
                : (ForecastMethod.SeasonalNaive, "not backtested and no model: seasonal naive baseline");
        }

        // Every method was scored on the same points, so the lowest mean absolute error is the lowest MASE.
        var candidates = scores.Where(s => (s.Method != ForecastMethod.Model && s.Method != ForecastMethod.Combined) || hasModel).ToList();
        var best = candidates.MinBy(s => s.Scores.Mae)!;
        var evidence = string.Join(", ", scores.Select(s => string.Create(CultureInfo.InvariantCulture,
            $"{ForecastEngine.Describe(s.Method)} {(s.Scores.Mase is { } m ? $"MASE {m:0.000}" : $"MAE {s.Scores.Mae:0.00}")}")));
        return (best.Method, $"lowest backtest error ({evidence} over {best.Scores.Points} forecasts)");
    }

    private static double InSampleScale(SeriesHistory history, int season, int last)
    {
        var sum = 0.0;
        var n = 0;
        for (var i = season; i <= last && i < history.Count; i++)
        {
            sum += Math.Abs(history[i] - history[i - season]);
            n++;
        }

        return n > 0 ? sum / n : double.NaN;
    }

    private static (double[] Dispersion, List<IntervalQuantiles> Quantiles) Calibrate(
        int seriesCount, int horizon, IEnumerable<BacktestPoint> points, ForecastMethod[] chosen)
    {
        var scores = points.Select(p => (p.Series, p.Horizon, Z: ConformalIntervals.Normalised(p.Actual, p.Forecast(chosen[p.Series])))).ToList();
        var pooled = scores.Count > 0 ? scores.Average(x => Math.Abs(x.Z)) : 1;
        var dispersion = new double[seriesCount];
        var perSeries = scores.GroupBy(x => x.Series).ToDictionary(g => g.Key, g => (Count: g.Count(), Mean: g.Average(x => Math.Abs(x.Z))));
        for (var s = 0; s < seriesCount; s++)
        {
            // A series with few errors borrows the pooled spread rather than trusting a handful of points.
            dispersion[s] = perSeries.TryGetValue(s, out var own) && own.Count >= horizon ? own.Mean : pooled;
        }

        var pools = Enumerable.Range(0, horizon).Select(_ => new List<double>()).ToList();
        foreach (var (series, h, z) in scores)
        {
            if (dispersion[series] > 1e-9)
            {
                pools[h - 1].Add(z / dispersion[series]);
            }
        }

        return (dispersion, [.. pools.Select((pool, i) => ConformalIntervals.Quantiles(i + 1, pool))]);
    }
}

/// <summary>One backtest forecast: a series, origin and horizon step, the actual value and each method's forecast.</summary>
internal sealed record BacktestPoint(int Series, int Origin, int Horizon, double Actual, double SeasonalNaive, double MovingAverage)
{
    public double Model { get; init; } = double.NaN;

    public double Ets { get; init; } = double.NaN;

    public double Scale { get; init; }

    public double Forecast(ForecastMethod method) => method switch
    {
        ForecastMethod.Model => Model,
        ForecastMethod.Ets => Ets,
        ForecastMethod.Combined => (Model + Ets) / 2,
        ForecastMethod.SeasonalNaive => SeasonalNaive,
        _ => MovingAverage,
    };
}
