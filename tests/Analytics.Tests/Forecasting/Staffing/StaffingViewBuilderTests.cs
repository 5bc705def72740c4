using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Privacy;
using Analytics.Tests.Support;

namespace Analytics.Tests.Forecasting.Staffing;

/// <summary>The staffing view of each scope, from one outlook for the whole department (the demo quarter's teams).</summary>
public sealed class StaffingViewBuilderTests
{
    [Fact]
    public async Task NoForecast_SaysSoInWords_AndShowsNoWeeks()
    {
        var quarter = await DemoQuarter.LoadAsync();

        var view = Builder(quarter, 3).Build(ReportScope.Department, null, null, quarter.History, quarter.Ledger, [], quarter.Week, quarter.Week.AddWeeks(-12));

        Assert.Empty(view.Weeks);
        Assert.StartsWith("No staffing forecast yet", view.Missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Department_SumsEveryTeamsWeeks_AndGivesEveryTeamALineOrAPlaceInAMergedOne()
    {
        var quarter = await DemoQuarter.LoadAsync();
        var (outlook, forecast) = Outlook(quarter);

        var view = Builder(quarter, 3).Build(ReportScope.Department, outlook, forecast, quarter.History, quarter.Ledger, [], quarter.Week, quarter.Week.AddWeeks(-12));

        Assert.Null(view.Missing);
        Assert.Equal(12, view.Weeks.Count);
        Assert.All(view.Weeks, w => Assert.Equal(10.0 * quarter.Teams.Count, w.Volume, 6));
        var covered = view.Teams.SelectMany(t => t.MergedTeams.Count > 0 ? t.MergedTeams : [t.Team]).Order(StringComparer.Ordinal);
        Assert.Equal(quarter.Teams, covered);
        Assert.Empty(view.Scenarios); // options are a team's, not the department's
    }

    [Fact]
    public async Task Team_HasItsOwnWeeksBacklogAndOptions()
    {
        var quarter = await DemoQuarter.LoadAsync();
        var (outlook, forecast) = Outlook(quarter);

        var view = Builder(quarter, 3).Build(ReportScope.ForTeam("Workplace"), outlook, forecast, quarter.History, quarter.Ledger, [], quarter.Week, quarter.Week.AddWeeks(-12));

        Assert.Equal(outlook.ForTeam("Workplace"), view.Weeks);
        Assert.Equal(quarter.History.Team("Workplace", quarter.Week)!.Backlog, view.CurrentBacklog);
        Assert.NotEmpty(view.Scenarios);
        Assert.Empty(view.Teams);
    }

    [Fact]
    public async Task Department_TeamsWithoutAForecast_AreNamedOnce_NotGivenEmptyLines()
    {
        var quarter = await DemoQuarter.LoadAsync();
        var (outlook, forecast) = Outlook(quarter);
        outlook = outlook with { Weeks = [.. outlook.Weeks.Where(w => w.Team != "Applications")] };

        var view = Builder(quarter, 3).Build(ReportScope.Department, outlook, forecast, quarter.History, quarter.Ledger, [], quarter.Week, quarter.Week.AddWeeks(-12));

        Assert.Equal(["Applications"], view.WithoutForecast);
        Assert.DoesNotContain(view.Teams, t => t.Team == "Applications" || t.MergedTeams.Contains("Applications"));
        Assert.All(view.Teams, t => Assert.NotEmpty(t.Weeks!));
    }

    private static StaffingViewBuilder Builder(DemoQuarter quarter, int minimum) => new(quarter.Policy(minimum), new StaffingOptions());

    /// <summary>Ten tickets a week for every team over twelve weeks, needing 1 FTE against 1.5 available.</summary>
    private static (StaffingOutlook, ForecastSet) Outlook(DemoQuarter quarter)
    {
        var forecast = new ForecastSet(null!, 0, TimeSpan.Zero, []);
        var weeks = quarter.Teams.SelectMany(team => Enumerable.Range(1, 12).Select(i =>
            new TeamWeekStaffing(team, quarter.Week.AddWeeks(i), 10, 14, 28, 40, [], 1, 42, 1.5))).ToList();
        return (new StaffingOutlook(forecast, weeks), forecast);
    }
}
