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

    /// <summary>"Over the last 12 weeks this forecast was off by 9% on average", from the chosen method's backtest.</summary>
    public static string Accuracy(SeriesForecast series, int origins)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Backtest?.ChosenScores is not { } scores || scores.Points == 0)
        {
            return "Its accuracy is not known yet: the series has too little history to test the forecast against.";
        }

        var c = CultureInfo.InvariantCulture;
        var text = string.Create(c, $"Over the last {origins} weeks of testing this forecast was off by {scores.Smape * 100:0}% on average");
        text += Math.Abs(scores.RelativeBias) >= 0.03
            ? string.Create(c, $" and tended to {(scores.RelativeBias > 0 ? "over" : "under")}estimate by {Math.Abs(scores.RelativeBias) * 100:0}%.")
            : ", without a lean either way.";
        return text;
    }

    private static string ModelAge(ForecastSet set)
    {
        var age = set.ModelAge;
        var when = age.TotalHours < 36 ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, age.TotalHours):0} hours ago") : string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0} days ago");
        return string.Create(CultureInfo.InvariantCulture, $"Model trained {when}, on history up to {set.Model.DataTo:d MMM yyyy}.");
    }
}
