using System.Globalization;
using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
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

    [Fact]
    public async Task Forecast_DailyFromStoredModel_FourteenDaysAfterTheLastDayWithTheModelsAge()
    {
        fixture.Time.Advance(TimeSpan.Zero);
        var set = await fixture.Service.ForecastAsync(SeriesFrequency.Daily, CancellationToken.None);

        Assert.NotNull(set);
        var desk = set.ForTeam("Service Desk")!;
        Assert.Equal(new DateOnly(2026, 11, 22), desk.Origin);
        Assert.Equal(14, desk.Points.Count);
        Assert.Equal(new DateOnly(2026, 11, 23), desk.Points[0].Date);
        Assert.NotNull(desk.Backtest);
        Assert.True(set.ModelAge >= TimeSpan.Zero && set.ModelAge < TimeSpan.FromHours(1));
        Assert.NotNull(set.Department);
        Assert.NotEmpty(set.BreakdownOf("Workplace"));
        // Weekdays carry the work: Monday's forecast is far above Sunday's.
        Assert.True(desk.Points[0].Forecast > 5 * desk.Points[6].Forecast);
    }

    [Fact]
    public async Task Forecast_WeeklyFromStoredModel_TwelveIsoWeeksWithBacktest()
    {
        var set = await fixture.Service.ForecastAsync(SeriesFrequency.Weekly, CancellationToken.None);

        Assert.NotNull(set);
        var weekly = fixture.Weekly.Summary(SeriesLevel.Team);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"weekly teams: MASE model {weekly.ModelMase:0.000}, naive {weekly.SeasonalNaiveMase:0.000}, moving average {weekly.MovingAverageMase:0.000}, chosen {weekly.ChosenMase:0.000}; coverage 80% {weekly.Coverage80:P1}, 95% {weekly.Coverage95:P1}"));
        var workplace = set.ForTeam("Workplace")!;
        Assert.Equal(12, workplace.Points.Count);
        Assert.Equal(IsoWeek.Parse("2026-W48").Monday, workplace.Points[0].Date);
        Assert.All(workplace.Points, p => Assert.True(p.Lower80 >= 0 && p.Upper80 >= p.Forecast));
        Assert.NotNull(weekly.ChosenMase);
    }

    [Fact]
    public async Task Staffing_DemoDepartment_OverloadedTeamHasTheWorstRatioOfNeededToAvailable()
    {
        var outlook = await fixture.Staffing.PlanAsync(null, 12, CancellationToken.None);

        Assert.NotNull(outlook);
        foreach (var row in outlook.Weeks.Where(w => w.Week == outlook.Weeks[0].Week))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Team,-20} {row.Week}: volume {row.Volume,6:0} (80% up to {row.VolumeUpper80:0}), hands-on {row.NeededHours,6:0} h, needed {row.NeededFte,5:0.0} FTE, available {row.AvailableFte,5:0.0} FTE ({row.AvailableHours:0} h), gap {row.GapFte,5:0.0}{string.Concat(row.Queues.Select(q => $"; {q.Channel} {q.Contacts:0} contacts, peak {q.PeakAgents} agents at {q.PeakHour:ddd HH:mm}, {q.AgentHours:0} agent-hours"))}"));
        }

        Assert.Equal(6, outlook.Weeks.Select(w => w.Team).Distinct().Count());
        Assert.All(outlook.Weeks, w => Assert.True(w.NeededHours > 0 && w.AvailableHours > 0 && w.NeededHoursHigh >= w.NeededHours));
        var first = outlook.Weeks.Where(w => w.Week == outlook.Weeks[0].Week).ToList();
        Assert.Equal("Workplace", first.MaxBy(w => w.NeededHours / w.AvailableHours)!.Team);
        Assert.Contains(first.Single(w => w.Team == "Service Desk").Queues, q => q.Channel == "phone" && q.PeakAgents > 0);
    }

    [Fact]
    public async Task Staffing_PlannedLeaveForAWeek_LowersAvailableHoursByTheAgentsContractLessShrinkage()
    {
        var agent = fixture.Demo.Data.Agents.First(a => a.Team == "Workplace");
        var week = IsoWeek.Parse("2026-W49");
        var options = new StaffingOptions { Leave = { new PlannedLeave { Agent = agent.Name, From = week.Monday, To = week.Sunday } } };
        var withLeave = new StaffingPlanner(fixture.Service, new WorkloadProfileReader(fixture.Demo.Connections, new Analytics.Storage.ReferenceStore(fixture.Demo.Connections)),
            new Analytics.Roster.RosterReader(fixture.Demo.Connections, new Analytics.Storage.ReferenceStore(fixture.Demo.Connections), Microsoft.Extensions.Options.Options.Create(options)), Microsoft.Extensions.Options.Options.Create(options),
            new DutchHolidayCalendar(), fixture.Time);

        var before = (await fixture.Staffing.PlanAsync(week, 1, CancellationToken.None))!.ForTeam("Workplace").Single();
        var after = (await withLeave.PlanAsync(week, 1, CancellationToken.None))!.ForTeam("Workplace").Single();

        Assert.Equal((double)agent.ContractHours!.Value * (1 - 0.30), before.AvailableHours!.Value - after.AvailableHours!.Value, 6);
        Assert.Equal((double)agent.ContractHours.Value / 40, before.AvailableFte!.Value - after.AvailableFte!.Value, 6);
        Assert.Equal(before.NeededHours, after.NeededHours);
    }

    [Fact]
    public async Task Staffing_WeekWithChristmasOnAFriday_HasOneWorkdayLessCapacity()
    {
        var outlook = (await fixture.Staffing.PlanAsync(IsoWeek.Parse("2026-W51"), 2, CancellationToken.None))!;
        var normal = outlook.ForTeam("Network & Security").Single(w => w.Week == IsoWeek.Parse("2026-W51"));
        var christmas = outlook.ForTeam("Network & Security").Single(w => w.Week == IsoWeek.Parse("2026-W52"));

        // 25 and 26 December 2026 are a Friday and a Saturday: one weekday off.
        Assert.Equal(normal.AvailableHours!.Value * 4 / 5, christmas.AvailableHours!.Value, 6);
    }

    [Fact]
    public async Task CapacityOutlook_FromTheStaffingForecast_OneRowPerTeamAndWeek()
    {
        var outlook = new CapacityOutlookProvider(fixture.Staffing);

        var rows = await outlook.GetAsync(IsoWeek.Parse("2026-W48"), 4, CancellationToken.None);

        Assert.Equal(6 * 4, rows.Count);
        Assert.All(rows, r => Assert.True(r.Week >= IsoWeek.Parse("2026-W48") && r.Week <= IsoWeek.Parse("2026-W51")));
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
