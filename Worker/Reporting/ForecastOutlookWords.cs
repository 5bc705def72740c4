using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Text;
using Reports.Documents;
using Worker.Forecasting;

namespace Worker.Reporting;

/// <summary>
/// The forecast outlooks of <see cref="ForecastOutlookMapper"/> with their sentences as phrases (how accurate the
/// forecast has been, how old the model is, why a series fell back to the baseline), so each report says them in
/// its readers' language. The English of each phrase is the mapper's sentence.
/// </summary>
public static class ForecastOutlookWords
{
    public static IReadOnlyDictionary<string, ForecastOutlook> All(ForecastSet? set, IsoWeek lastWeek, string departmentName)
    {
        var outlooks = new Dictionary<string, ForecastOutlook>(StringComparer.Ordinal);
        if (set is null)
        {
            return outlooks;
        }

        foreach (var series in set.Series.Where(s => s.Key.Level is SeriesLevel.Team or SeriesLevel.Department))
        {
            var outlook = ForecastOutlookMapper.ToOutlook(series, set, lastWeek);
            outlooks[series.Key.Level == SeriesLevel.Department ? departmentName : series.Key.Team!] = outlook with
            {
                AccuracyPhrase = Accuracy(series, set.Model.BacktestOrigins.Count),
                ModelAgePhrase = ModelAge(set),
                NotePhrase = series.IsFallback ? Phrase.Fixed("Forecast.Note.Fallback", "This series has too little history for the forecasting model: its forecast repeats the last weeks' pattern.") : null,
            };
        }

        return outlooks;
    }

    /// <summary>The chosen method's backtest in words, as <see cref="ForecastOutlookMapper.Accuracy"/> says it in English.</summary>
    public static Phrase Accuracy(SeriesForecast series, int origins)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Backtest is not { ChosenScores: { Points: > 0 } scores } backtest)
        {
            return Phrase.Fixed("Forecast.Accuracy.Unknown", "Its accuracy is not known yet: the series has too little history to test the forecast against.");
        }

        var daily = series.Frequency == SeriesFrequency.Daily;
        var error = scores.Mae < 10 ? scores.Mae : Math.Round(scores.Mae);
        var tested = daily
            ? Phrase.Of("Forecast.Accuracy.Tested.Day", $"Tested from {origins} past weeks, this forecast was usually within ±{error:#,0.#} tickets a day")
            : Phrase.Of("Forecast.Accuracy.Tested.Week", $"Tested from {origins} past weeks, this forecast was usually within ±{error:#,0.#} tickets a week");
        var coverage = Empty;
        if (backtest.CoveragePoints > 0)
        {
            var inside = Math.Round(10.0 * backtest.Covered80 / backtest.CoveragePoints);
            coverage = daily
                ? Phrase.Of("Forecast.Accuracy.Coverage.Day", $", and {inside:0} of 10 days fell inside the shaded 80% band")
                : Phrase.Of("Forecast.Accuracy.Coverage.Week", $", and {inside:0} of 10 weeks fell inside the shaded 80% band");
        }

        var gain = Empty;
        if (backtest.ScoresOf(ForecastMethod.SeasonalNaive) is { Mae: > 0 } naive && backtest.Chosen != ForecastMethod.SeasonalNaive)
        {
            var closer = 1 - (scores.Mae / naive.Mae);
            gain = closer >= 0.01
                ? (daily
                    ? Phrase.Of("Forecast.Accuracy.Gain.Day", $"; {closer * 100:0}% closer than repeating the same weekday of last week")
                    : Phrase.Of("Forecast.Accuracy.Gain.Week", $"; {closer * 100:0}% closer than repeating last week's count"))
                : daily
                    ? Phrase.Fixed("Forecast.Accuracy.NoGain.Day", "; no closer than repeating the same weekday of last week")
                    : Phrase.Fixed("Forecast.Accuracy.NoGain.Week", "; no closer than repeating last week's count");
        }

        var bias = Math.Abs(scores.RelativeBias) >= 0.03
            ? scores.RelativeBias > 0
                ? Phrase.Of("Forecast.Accuracy.Over", $". It tended to overestimate by {Math.Abs(scores.RelativeBias) * 100:0}%.")
                : Phrase.Of("Forecast.Accuracy.Under", $". It tended to underestimate by {Math.Abs(scores.RelativeBias) * 100:0}%.")
            : Phrase.Fixed("Forecast.Accuracy.End", ".");
        return Phrase.Of("Forecast.Accuracy", $"{tested}{coverage}{gain}{bias}");
    }

    private static Phrase ModelAge(ForecastSet set)
    {
        var age = set.ModelAge;
        return age.TotalHours < 36
            ? Phrase.Of("Forecast.ModelAge.Hours", $"Model trained {Math.Max(0, age.TotalHours):0} hours ago, on history up to {set.Model.DataTo:d MMM yyyy}.")
            : Phrase.Of("Forecast.ModelAge.Days", $"Model trained {age.TotalDays:0} days ago, on history up to {set.Model.DataTo:d MMM yyyy}.");
    }

    private static readonly Phrase Empty = Phrase.Fixed("Text.Empty", "");
}
