using Analytics.Forecasting;

namespace Analytics.Tests.Forecasting;

public sealed class ForecastReconciliationTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 23);
    private static readonly DateOnly Day2 = new(2026, 11, 30);

    [Fact]
    public void Teams_AreScaledToSumToTheDepartment_AndBreakdownsToTheirTeam_DateByDate()
    {
        var series = ForecastReconciliation.TopDown(
        [
            Series(SeriesKey.Department, (Day1, 100), (Day2, 90)),
            Series(new SeriesKey("A"), (Day1, 30), (Day2, 50)),
            Series(new SeriesKey("B"), (Day1, 50), (Day2, 40)),
            Series(new SeriesKey("A", "Hardware"), (Day1, 20), (Day2, 25)),
            Series(new SeriesKey("A", "Accounts"), (Day1, 20), (Day2, 25)),
        ]);

        double At(SeriesKey key, DateOnly day) => series.Single(s => s.Key == key).Points.Single(p => p.Date == day).Forecast;
        Assert.Equal(100, At(new SeriesKey("A"), Day1) + At(new SeriesKey("B"), Day1), 9);
        Assert.Equal(90, At(new SeriesKey("A"), Day2) + At(new SeriesKey("B"), Day2), 9);
        Assert.Equal(37.5, At(new SeriesKey("A"), Day1), 9); // 30 of 80, times 100
        Assert.Equal(At(new SeriesKey("A"), Day1), At(new SeriesKey("A", "Hardware"), Day1) + At(new SeriesKey("A", "Accounts"), Day1), 9);
        Assert.Equal(100, At(SeriesKey.Department, Day1), 9); // the department is the anchor
    }

    [Fact]
    public void Bounds_ScaleWithTheirForecast()
    {
        var series = ForecastReconciliation.TopDown([Series(SeriesKey.Department, (Day1, 60)), Series(new SeriesKey("A"), (Day1, 30))]);

        var point = series.Single(s => s.Key == new SeriesKey("A")).Points.Single();
        Assert.Equal((60.0, 48.0, 72.0, 36.0, 84.0), (point.Forecast, point.Lower80, point.Upper80, point.Lower95, point.Upper95));
    }

    [Fact]
    public void TeamsForecastingNothing_AreLeftAlone_AndASetWithoutDepartmentIsUnchanged()
    {
        var zero = ForecastReconciliation.TopDown([Series(SeriesKey.Department, (Day1, 5)), Series(new SeriesKey("A"), (Day1, 0))]);
        Assert.Equal(0, zero.Single(s => s.Key == new SeriesKey("A")).Points.Single().Forecast);

        IReadOnlyList<SeriesForecast> teamsOnly = [Series(new SeriesKey("A"), (Day1, 3))];
        Assert.Same(teamsOnly, ForecastReconciliation.TopDown(teamsOnly));
    }

    /// <summary>A series whose intervals are 0.8x-1.2x (80%) and 0.6x-1.4x (95%) of its forecast.</summary>
    private static SeriesForecast Series(SeriesKey key, params (DateOnly Day, double Forecast)[] points) =>
        new(key, SeriesFrequency.Weekly, ForecastMethod.Model, "test", false, Day1.AddDays(-7),
            [.. points.Select(p => new ForecastPoint(p.Day, p.Forecast, p.Forecast * 0.8, p.Forecast * 1.2, p.Forecast * 0.6, p.Forecast * 1.4))], null);
}
