using Analytics.Calendar;
using Analytics.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>What makes the forecast's evidence honest: no look at the future, and a surge is not a season.</summary>
public sealed class ForecastHonestyTests
{
    private static readonly DateOnly First = new(2024, 12, 23);
    private static readonly DateOnly Last = new(2026, 12, 20);
    private static readonly ForecastOptions Options = new() { Trees = 60, Grain = ForecastGrain.Team };

    [Fact]
    public void Backtest_NeverSeesDataAfterItsOrigin_ForecastsFromTheFirstOriginIgnoreALaterChange()
    {
        List<CountSeries> series = [SyntheticSeries.Daily("A", First, Last, 80, seed: 1), SyntheticSeries.Daily("B", First, Last, 30, seed: 2), SyntheticSeries.Daily("C", First, Last, 12, seed: 3)];
        var engine = new ForecastEngine(Options, new DutchHolidayCalendar());
        var before = engine.Train(series, SeriesFrequency.Daily, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var firstOrigin = before.Backtest.Min(r => r.Origin);

        // Everything after the first origin tripled: every candidate's forecasts from that origin must not move.
        var changed = series.Select(s => new CountSeries(s.Key, s.Frequency, s.Start, [.. s.Values.Select((v, i) => s.DateAt(i) > firstOrigin ? v * 3 : v)])).ToList();
        var after = engine.Train(changed, SeriesFrequency.Daily, DateTimeOffset.UnixEpoch, CancellationToken.None);

        var atFirst = before.Points.Where(p => p.Origin == 0).ToList();
        Assert.Equal(3 * 14, atFirst.Count);
        foreach (var point in atFirst)
        {
            var same = after.Points.Single(p => p.Series == point.Series && p.Origin == 0 && p.Horizon == point.Horizon);
            foreach (var method in new[] { ForecastMethod.Model, ForecastMethod.Ets, ForecastMethod.SeasonalNaive, ForecastMethod.MovingAverage })
            {
                Assert.Equal(point.Forecast(method), same.Forecast(method), 6);
            }

            Assert.False(double.IsNaN(point.Ets));
        }
    }

    [Fact]
    public void AOneOffSurge_DoesNotComeBackASeasonLater()
    {
        // Three years of a steady weekly series of about 100 tickets, with one week of 400 (a migration wave) a year before the forecast.
        var start = new DateOnly(2023, 12, 25);
        var weeks = 156;
        var random = new Random(5);
        var values = Enumerable.Range(0, weeks).Select(_ => 100 + random.Next(-8, 9) * 1.0).ToArray();
        var surge = weeks - 52 + 4;
        values[surge] = 400;
        List<CountSeries> series = [new CountSeries(new SeriesKey("Workplace"), SeriesFrequency.Weekly, start, values),
            new CountSeries(new SeriesKey("Desk"), SeriesFrequency.Weekly, start, [.. Enumerable.Range(0, weeks).Select(_ => 60 + random.Next(-6, 7) * 1.0)])];
        var engine = new ForecastEngine(Options, new DutchHolidayCalendar());

        // What every forecaster learns from (the model's last-year feature, smoothing, the baselines) is the usual level, not the surge;
        // the count itself is kept for scoring.
        var history = new SeriesHistory(series[0]);
        Assert.InRange(history[surge], 90, 160); // the top of the usual range: four robust deviations above the usual level
        Assert.Equal(400, history.Actual(surge));

        var trained = engine.Train(series, SeriesFrequency.Weekly, DateTimeOffset.UnixEpoch, CancellationToken.None);
        var forecast = engine.Forecast(trained.Model, trained.Metadata, series).Single(f => f.Key.Team == "Workplace");

        // A year after the surge week is the 5th week ahead.
        var echo = forecast.Points.Single(p => p.Date == start.AddDays(7 * (surge + 52)));
        Assert.InRange(echo.Forecast, 80, 130);
        Assert.True(echo.Upper80 < 250, $"the 80% interval a year after the surge reaches {echo.Upper80}");
    }
}
