using System.Globalization;
using Analytics.Calendar;
using Analytics.Forecasting;
using Reports.Documents;

namespace Worker.Forecasting;

/// <summary>
/// The weekly forecast as the reports show it, per team and for the department: the coming weeks with
/// their intervals and the backtest accuracy in plain words. The reports add the history themselves.
/// </summary>
public static class ForecastOutlookMapper
{
    /// <summary>Outlooks by team name, and "Department" for the department's series.</summary>
    public static IReadOnlyDictionary<string, ForecastOutlook> All(ForecastSet? set, IsoWeek lastWeek, string departmentName)
    {
        var outlooks = new Dictionary<string, ForecastOutlook>(StringComparer.Ordinal);
        if (set is null)
        {
            return outlooks;
        }

        foreach (var series in set.Series.Where(s => s.Key.Level is SeriesLevel.Team or SeriesLevel.Department))
        {
            outlooks[series.Key.Level == SeriesLevel.Department ? departmentName : series.Key.Team!] = ToOutlook(series, set, lastWeek);
        }

        return outlooks;
    }

    /// <param name="lastWeek">The report's week: history runs up to it, the forecast starts after it.</param>
    public static ForecastOutlook ToOutlook(SeriesForecast series, ForecastSet set, IsoWeek lastWeek)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(set);
        var points = series.Points.Select(p => new Reports.Documents.ForecastPoint(IsoWeek.Of(p.Date), p.Forecast, p.Lower80, p.Upper80, p.Lower95, p.Upper95))
            .Where(p => p.Week > lastWeek)
            .ToList();
        return new ForecastOutlook([], points, Accuracy(series, set.Model.BacktestOrigins.Count), ModelAge(set), series.IsFallback ? series.Reason : null);
    }

    /// <summary>
    /// The chosen method's backtest in words a manager can check: the typical error in tickets, how often the
    /// shaded 80% band held the actual count, and the gain over repeating the last period, all over the same
    /// backtest forecasts ("usually within ±12 tickets a week; 8 of 10 weeks inside the band").
    /// </summary>
    public static string Accuracy(SeriesForecast series, int origins)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Backtest is not { ChosenScores: { Points: > 0 } scores } backtest)
        {
            return "Its accuracy is not known yet: the series has too little history to test the forecast against.";
        }

        var c = CultureInfo.InvariantCulture;
        var unit = series.Frequency == SeriesFrequency.Daily ? "day" : "week";
        var naiveWords = series.Frequency == SeriesFrequency.Daily ? "repeating the same weekday of last week" : "repeating last week's count";
        var error = scores.Mae < 10 ? Figures.Number(scores.Mae, "0.#") : Figures.Count(scores.Mae);
        var text = string.Create(c, $"Tested from {origins} past weeks, this forecast was usually within ±{error} tickets a {unit}");
        if (backtest.CoveragePoints > 0)
        {
            text += string.Create(c, $", and {Math.Round(10.0 * backtest.Covered80 / backtest.CoveragePoints):0} of 10 {unit}s fell inside the shaded 80% band");
        }

        if (backtest.ScoresOf(ForecastMethod.SeasonalNaive) is { Mae: > 0 } naive && backtest.Chosen != ForecastMethod.SeasonalNaive)
        {
            var gain = 1 - (scores.Mae / naive.Mae);
            text += gain >= 0.01
                ? string.Create(c, $"; {gain * 100:0}% closer than {naiveWords}")
                : string.Create(c, $"; no closer than {naiveWords}");
        }

        text += Math.Abs(scores.RelativeBias) >= 0.03
            ? string.Create(c, $". It tended to {(scores.RelativeBias > 0 ? "over" : "under")}estimate by {Math.Abs(scores.RelativeBias) * 100:0}%.")
            : ".";
        return text;
    }

    private static string ModelAge(ForecastSet set)
    {
        var age = set.ModelAge;
        var when = age.TotalHours < 36 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, age.TotalHours):0} hours ago") : string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0} days ago");
        return string.Create(CultureInfo.InvariantCulture, $"Model trained {when}, on history up to {set.Model.DataTo:d MMM yyyy}.");
    }
}
