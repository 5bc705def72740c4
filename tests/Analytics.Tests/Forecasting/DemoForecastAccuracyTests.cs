using System.Globalization;
using Analytics.Forecasting;
using Xunit.Abstractions;

namespace Analytics.Tests.Forecasting;

/// <summary>The acceptance figures of the forecast on the demo department: accuracy against the seasonal naive, interval coverage.</summary>
public sealed class DemoForecastAccuracyTests(DemoForecastFixture fixture, ITestOutputHelper output) : IClassFixture<DemoForecastFixture>
{
    [Fact]
    public void Backtest_DemoTeamsDaily_ChosenForecastsBeatSeasonalNaiveByMoreThanTwentyPercent()
    {
        var daily = fixture.Daily;
        Print(daily);
        var teams = daily.Summary(SeriesLevel.Team);

        Assert.Equal(6, teams.SeriesCount);
        Assert.Equal(12, daily.BacktestOrigins.Count);
        Assert.Equal(14, daily.Horizon);
        Assert.NotNull(teams.ChosenMase);
        Assert.NotNull(teams.SeasonalNaiveMase);
        Assert.True(teams.ChosenMase < 0.8 * teams.SeasonalNaiveMase,
            $"chosen MASE {teams.ChosenMase:0.000} is not below 0.8 x seasonal naive {teams.SeasonalNaiveMase:0.000}");
    }

    [Fact]
    public void Backtest_DemoTeamsDaily_EightyPercentIntervalHoldsSeventyTwoToEightyEightPercentOfActuals()
    {
        var teams = fixture.Daily.Summary(SeriesLevel.Team);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"teams, daily, 14 days, 12 origins: 80% interval coverage {teams.Coverage80:P1}, 95% interval coverage {teams.Coverage95:P1}"));

        Assert.InRange(teams.Coverage80!.Value, 0.72, 0.88);
        Assert.True(teams.Coverage95 > teams.Coverage80);
    }

    private void Print(ForecastModelMetadata metadata)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{metadata.Frequency} model: data {metadata.DataFrom:yyyy-MM-dd} to {metadata.DataTo:yyyy-MM-dd}, {metadata.Series.Count} series, {metadata.TrainingRows} rows, trained and backtested in {metadata.TrainingSeconds:0.0} s (both models with reading: {fixture.TrainingTime.TotalSeconds:0.0} s)"));
        output.WriteLine($"{"series",-34} {"model",7} {"s.naive",7} {"mov.avg",7} {"chosen",-15} {"cov80",6} {"cov95",6}");
        foreach (var s in metadata.Series.Where(s => s.Key.Level != SeriesLevel.Breakdown))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{s.Key,-34} {s.ScoresOf(ForecastMethod.Model)?.Mase,7:0.000} {s.ScoresOf(ForecastMethod.SeasonalNaive)?.Mase,7:0.000} {s.ScoresOf(ForecastMethod.MovingAverage)?.Mase,7:0.000} {s.Chosen,-15} {(double)s.Covered80 / s.CoveragePoints,6:P0} {(double)s.Covered95 / s.CoveragePoints,6:P0}"));
        }

        foreach (var level in new SeriesLevel?[] { SeriesLevel.Team, SeriesLevel.Breakdown, null })
        {
            var x = metadata.Summary(level);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{level?.ToString() ?? "all",-10} n={x.SeriesCount,3}: MASE model {x.ModelMase:0.000}, seasonal naive {x.SeasonalNaiveMase:0.000}, moving average {x.MovingAverageMase:0.000}, chosen {x.ChosenMase:0.000} (ratio chosen/naive {x.ChosenMase / x.SeasonalNaiveMase:0.000}); sMAPE {x.ChosenSmape:0.000}; bias {x.ChosenRelativeBias:P1}; coverage 80% {x.Coverage80:P1}, 95% {x.Coverage95:P1}"));
        }
    }
}
