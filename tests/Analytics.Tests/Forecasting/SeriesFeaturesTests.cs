using Analytics.Calendar;
using Analytics.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>The features know nothing past the origin: changing the future leaves them as they were.</summary>
public sealed class SeriesFeaturesTests
{
    [Theory]
    [InlineData(SeriesFrequency.Daily, 14)]
    [InlineData(SeriesFrequency.Weekly, 12)]
    public void Fill_ValuesAfterTheOrigin_DoNotChangeAnyFeature(SeriesFrequency frequency, int horizon)
    {
        var daily = SyntheticSeries.Daily("A", new DateOnly(2024, 11, 25), new DateOnly(2026, 11, 22), 50, seed: 11);
        var series = frequency == SeriesFrequency.Daily ? daily : IncomingSeriesReader.ToWeekly(daily)!;
        var features = SeriesFeatures.For(frequency, new DutchHolidayCalendar(), new VacationPeriods(28, 34));
        var random = new Random(12);
        for (var trial = 0; trial < 50; trial++)
        {
            var origin = random.Next(features.MinimumOrigin, series.Count - horizon);
            var h = random.Next(1, horizon + 1);
            var future = series.Values.Select((v, i) => i > origin ? v * 10 + 7 : v).ToArray();
            var changed = new CountSeries(series.Key, frequency, series.Start, future);

            var before = new float[features.Names.Count];
            var after = new float[features.Names.Count];
            features.Fill(new SeriesHistory(series), SeriesLevel.Team, origin, h, before);
            features.Fill(new SeriesHistory(changed), SeriesLevel.Team, origin, h, after);

            Assert.Equal(before, after);
            Assert.Equal(features.Scale(new SeriesHistory(series), origin), features.Scale(new SeriesHistory(changed), origin));
        }
    }

    [Fact]
    public void Train_SeveralBacktestRefits_ScoresEveryOriginOnce()
    {
        var series = new[]
        {
            SyntheticSeries.Daily("A", new DateOnly(2024, 12, 23), new DateOnly(2026, 12, 20), 60, seed: 1),
            SyntheticSeries.Daily("B", new DateOnly(2024, 12, 23), new DateOnly(2026, 12, 20), 20, seed: 2),
        };
        var once = new ForecastEngine(new ForecastOptions { Trees = 40, Grain = ForecastGrain.Team }, new DutchHolidayCalendar())
            .Train(series, SeriesFrequency.Daily, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var thrice = new ForecastEngine(new ForecastOptions { Trees = 40, Grain = ForecastGrain.Team, BacktestRefits = 3 }, new DutchHolidayCalendar())
            .Train(series, SeriesFrequency.Daily, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.All(thrice.Metadata.Series, s => Assert.Equal(12 * 14, s.ScoresOf(ForecastMethod.Model)!.Points));
        // The baselines do not depend on the model: the same scores whatever the refits.
        Assert.Equal(once.Metadata.Series[0].ScoresOf(ForecastMethod.SeasonalNaive), thrice.Metadata.Series[0].ScoresOf(ForecastMethod.SeasonalNaive));
    }
}
