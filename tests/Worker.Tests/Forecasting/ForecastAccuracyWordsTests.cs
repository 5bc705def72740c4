using Analytics.Forecasting;
using Worker.Forecasting;

namespace Worker.Tests.Forecasting;

/// <summary>The forecast's accuracy as the reports say it: tickets, the band's hit rate and the gain over the naive forecast, from one backtest.</summary>
public sealed class ForecastAccuracyWordsTests
{
    [Fact]
    public void Accuracy_SaysTheTypicalErrorInTickets_HowOftenTheBandHeld_AndTheGainOverLastWeek()
    {
        var series = Series(ForecastMethod.Combined, new AccuracyScores(12.4, 0.69, 0.1, -3, -0.06, 144), new AccuracyScores(18, 1, 0.15, 0, 0, 144), covered80: 115);

        var words = ForecastOutlookMapper.Accuracy(series, 12);

        Assert.Equal("Tested from 12 past weeks, this forecast was usually within ±12 tickets a week, and 8 of 10 weeks fell inside the shaded 80% band; 31% closer than repeating last week's count. It tended to underestimate by 6%.", words);
    }

    [Fact]
    public void Accuracy_ASeriesTooYoungToTest_SaysItsAccuracyIsNotKnown()
    {
        var series = new SeriesForecast(new SeriesKey("New team"), SeriesFrequency.Weekly, ForecastMethod.SeasonalNaive, "too young", true, new DateOnly(2026, 11, 16), [], null);

        Assert.StartsWith("Its accuracy is not known yet", ForecastOutlookMapper.Accuracy(series, 12), StringComparison.Ordinal);
    }

    private static SeriesForecast Series(ForecastMethod chosen, AccuracyScores chosenScores, AccuracyScores naive, int covered80)
    {
        var evaluation = new SeriesEvaluation(new SeriesKey("Workplace"), new DateOnly(2024, 1, 1), 150, chosen, "lowest error",
            [new MethodScores(chosen, chosenScores), new MethodScores(ForecastMethod.SeasonalNaive, naive)], 18, 1, 144, covered80, 137);
        return new SeriesForecast(new SeriesKey("Workplace"), SeriesFrequency.Weekly, chosen, "lowest error", false, new DateOnly(2026, 11, 16), [], evaluation);
    }
}
