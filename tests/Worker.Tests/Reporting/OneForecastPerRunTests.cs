using Worker.Reporting;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary>A report run forecasts once: every "next week" figure of its reports comes from that forecast.</summary>
public sealed class OneForecastPerRunTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ReportInputs_ForecastSectionStaffingAndCapacityRule_ReadTheSameForecast()
    {
        using var harness = await ReportingHarness.StartAsync(TestSettings.Embedded(_folder.Path));
        var builder = harness.Service<ReportModelBuilder>();

        var inputs = await builder.LoadAsync(ReportingHarness.Week, CancellationToken.None);

        Assert.NotNull(inputs.WeeklyForecast);
        Assert.NotNull(inputs.Staffing);
        var next = ReportingHarness.Week.Next();
        foreach (var team in inputs.Staffing.Weeks.Where(w => w.Week == next))
        {
            // The staffing rows' volume is the weekly forecast's own figure for that team and week.
            var point = inputs.WeeklyForecast.ForTeam(team.Team)!.Points.Single(p => Analytics.Calendar.IsoWeek.Of(p.Date) == next);
            Assert.Equal(point.Forecast, team.Volume, 6);
            Assert.Equal(inputs.Forecasts[team.Team].Weeks[0].Expected, team.Volume, 6);
        }
    }

    public void Dispose() => _folder.Dispose();
}
