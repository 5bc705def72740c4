using Analytics.Forecasting;

namespace Analytics.Tests.Forecasting;

public sealed class ForecastReconciliationTests
{
    private static readonly DateOnly Day1 = new(2026, 11, 23);
    private static readonly DateOnly Day2 = new(2026, 11, 30);

    [Fact]
    public void TheDepartment_IsTheSumOfItsTeams_AndBreakdownsAreScaledToTheirTeam_DateByDate()
    {
        var series = ForecastReconciliation.BottomUp(
        [
            Series(SeriesKey.Department, (Day1, 100), (Day2, 90)),
            Series(new SeriesKey("A"), (Day1, 30), (Day2, 50)),
            Series(new SeriesKey("B"), (Day1, 50), (Day2, 40)),
            Series(new SeriesKey("A", "Hardware"), (Day1, 20), (Day2, 25)),
            Series(new SeriesKey("A", "Accounts"), (Day1, 20), (Day2, 25)),
        ]);

        double At(SeriesKey key, DateOnly day) => series.Single(s => s.Key == key).Points.Single(p => p.Date == day).Forecast;
        Assert.Equal(80, At(SeriesKey.Department, Day1), 9);
        Assert.Equal(90, At(SeriesKey.Department, Day2), 9);
        Assert.Equal(30, At(new SeriesKey("A"), Day1), 9); // the teams are the anchor
        Assert.Equal(15, At(new SeriesKey("A", "Hardware"), Day1), 9); // half of A's 30
        Assert.Equal(At(new SeriesKey("A"), Day2), At(new SeriesKey("A", "Hardware"), Day2) + At(new SeriesKey("A", "Accounts"), Day2), 9);
    }

    [Fact]
    public void TheDepartmentsBounds_KeepTheirWidthRelativeToItsLevel_OrAreTheTeamsSumWhereItForecastNothing()
    {
        var scaled = ForecastReconciliation.BottomUp([Series(SeriesKey.Department, (Day1, 30)), Series(new SeriesKey("A"), (Day1, 60))]);
        var point = scaled.Single(s => s.Key == SeriesKey.Department).Points.Single();
        Assert.Equal((60.0, 48.0, 72.0, 36.0, 84.0), (point.Forecast, point.Lower80, point.Upper80, point.Lower95, point.Upper95));

        // A department model that forecast 0 must not make the department 0 while its teams expect tickets.
        var zero = ForecastReconciliation.BottomUp([Series(SeriesKey.Department, (Day1, 0)), Series(new SeriesKey("A"), (Day1, 10)), Series(new SeriesKey("B"), (Day1, 20))]);
        var summed = zero.Single(s => s.Key == SeriesKey.Department).Points.Single();
        Assert.Equal((30.0, 24.0, 36.0), (summed.Forecast, summed.Lower80, summed.Upper80));

        // Nor may a department forecast of almost nothing lend its relative width, scaled by a huge factor.
        var almostNothing = Series(SeriesKey.Department, (Day1, 0)) with { Points = [new ForecastPoint(Day1, 1e-6, 0, 2, 0, 3)] };
        var tiny = ForecastReconciliation.BottomUp([almostNothing, Series(new SeriesKey("A"), (Day1, 3000))]);
        var sane = tiny.Single(s => s.Key == SeriesKey.Department).Points.Single();
        Assert.Equal((3000.0, 2400.0, 3600.0, 4200.0), (sane.Forecast, sane.Lower80, sane.Upper80, sane.Upper95));
    }

    [Fact]
    public void ASetWithoutTeamsOrDepartment_IsUnchanged()
    {
        IReadOnlyList<SeriesForecast> teamsOnly = [Series(new SeriesKey("A"), (Day1, 3))];
        Assert.Same(teamsOnly, ForecastReconciliation.BottomUp(teamsOnly));
        IReadOnlyList<SeriesForecast> departmentOnly = [Series(SeriesKey.Department, (Day1, 3))];
        Assert.Same(departmentOnly, ForecastReconciliation.BottomUp(departmentOnly));
    }

    [Fact]
    public void TicketsWithoutATeam_RaiseTheDepartmentAboveTheTeamsSum_ByTheirRecentShare()
    {
        var first = new DateOnly(2026, 11, 2);
        IReadOnlyList<CountSeries> history =
        [
            // Four weeks; in the last two, 20 of the department's 100 tickets a week had no team.
            new(SeriesKey.Department, SeriesFrequency.Weekly, first, [50, 50, 100, 100]),
            new(new SeriesKey("A"), SeriesFrequency.Weekly, first, [30, 30, 50, 50]),
            new(new SeriesKey("B"), SeriesFrequency.Weekly, first.AddDays(14), [30, 30]),
        ];

        var share = ForecastReconciliation.UnassignedShare(history, 2);
        var reconciled = ForecastReconciliation.BottomUp([Series(SeriesKey.Department, (Day1, 0)), Series(new SeriesKey("A"), (Day1, 48)), Series(new SeriesKey("B"), (Day1, 32))], share);

        Assert.Equal(0.2, share, 9);
        var point = reconciled.Single(s => s.Key == SeriesKey.Department).Points.Single();
        Assert.Equal((100.0, 80.0, 120.0), (point.Forecast, point.Lower80, point.Upper80));
        Assert.Equal(48, reconciled.Single(s => s.Key == new SeriesKey("A")).Points.Single().Forecast, 9);
        Assert.Equal(0, ForecastReconciliation.UnassignedShare([history[0]], 2));
    }

    /// <summary>A series whose intervals are 0.8x-1.2x (80%) and 0.6x-1.4x (95%) of its forecast.</summary>
    private static SeriesForecast Series(SeriesKey key, params (DateOnly Day, double Forecast)[] points) =>
        new(key, SeriesFrequency.Weekly, ForecastMethod.Model, "test", false, Day1.AddDays(-7),
            [.. points.Select(p => new ForecastPoint(p.Day, p.Forecast, p.Forecast * 0.8, p.Forecast * 1.2, p.Forecast * 0.6, p.Forecast * 1.4))], null);
}
