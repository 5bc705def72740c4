namespace Analytics.Forecasting;

/// <summary>
/// How far one method's backtest forecasts were from what happened, over all origins and horizon steps.
/// </summary>
/// <param name="Mae">Mean absolute error, in tickets per period.</param>
/// <param name="Mase">
/// <see cref="Mae"/> divided by the seasonal naive forecast's mean absolute error on the same backtest points
/// (below 1: better than "same as last week"); null when that error is 0 (a constant series).
/// </param>
/// <param name="Smape">Symmetric mean absolute percentage error, 0 to 2 (a period with nothing forecast and nothing arriving counts as 0).</param>
/// <param name="Bias">Mean of forecast minus actual, in tickets per period: positive is over-forecasting.</param>
/// <param name="RelativeBias">Total forecast minus total actual, as a share of the total actual.</param>
/// <param name="Points">Forecasts compared.</param>
public sealed record AccuracyScores(double Mae, double? Mase, double Smape, double Bias, double RelativeBias, int Points)
{
    internal static AccuracyScores Of(IReadOnlyList<double> actual, IReadOnlyList<double> forecast, double scale)
    {
        double absolute = 0, symmetric = 0, bias = 0, total = 0;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = forecast[i] - actual[i];
            absolute += Math.Abs(error);
            bias += error;
            total += actual[i];
            var denominator = Math.Abs(actual[i]) + Math.Abs(forecast[i]);
            symmetric += denominator > 0 ? 2 * Math.Abs(error) / denominator : 0;
        }

        var n = Math.Max(1, actual.Count);
        var mae = absolute / n;
        return new AccuracyScores(
            mae,
            scale > 0 && double.IsFinite(scale) ? mae / scale : null,
            symmetric / n,
            bias / n,
            total > 0 ? bias / total : 0,
            actual.Count);
    }
}

/// <summary>One method's backtest scores for a series.</summary>
public sealed record MethodScores(ForecastMethod Method, AccuracyScores Scores);
