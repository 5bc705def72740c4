using Analytics.Calendar;
using Analytics.Forecasting.Staffing;

namespace Analytics.Tests.Forecasting.Staffing;

public sealed class StaffingScenariosTests
{
    private static readonly IsoWeek First = new(2026, 48);

    /// <summary>100 tickets of 0.5 h a week (50 h needed) against 40 h available, on FTE of 40 h with 25% shrinkage (30 h per FTE).</summary>
    private static List<TeamWeekStaffing> Short(int weeks = 4) =>
        [.. Enumerable.Range(0, weeks).Select(i => new TeamWeekStaffing("Alpha", First.AddWeeks(i), 100, 120, 50, 60, [], 50 / 30.0, 40, 40 / 30.0))];

    [Fact]
    public void AsPlanned_GrowsTheBacklogByTheHoursShort()
    {
        var plan = StaffingScenarios.For(Short(), backlog: 200, usualBacklog: 50, changeShare: 0, fteHours: 40, shrinkage: 0.25)[0];

        // 10 hours short a week at half an hour a ticket: 20 more open tickets each week.
        Assert.Equal("As planned", plan.Name);
        Assert.Equal([220, 240, 260, 280], plan.Backlog.Select(b => b.Backlog));
        Assert.Equal(3, plan.WeeksGrowing);
    }

    [Fact]
    public void ExtraFte_ClosesTheAverageShortfall_AndWorksTheBacklogDownToItsUsualLevel()
    {
        var extra = StaffingScenarios.For(Short(), backlog: 200, usualBacklog: 190, changeShare: 0, fteHours: 40, shrinkage: 0.25)[1];

        // Short by 1/3 FTE on average: half an FTE is added, 15 h a week: 5 h to spare, 10 tickets less a week, down to 190 and no further.
        Assert.Equal("Add 0.5 FTE", extra.Name);
        Assert.Equal(0.5, extra.ExtraFte);
        Assert.Equal([190, 190, 190, 190], extra.Backlog.Select(b => b.Backlog));
    }

    [Fact]
    public void DeferringChanges_FreesTheirShareOfTheHours()
    {
        var scenarios = StaffingScenarios.For(Short(2), backlog: 200, usualBacklog: 0, changeShare: 0.3, fteHours: 40, shrinkage: 0.25);

        var defer = Assert.Single(scenarios, s => s.Name == "Defer planned changes");
        // 35 h needed against 40 h available: 5 h to spare, 10 tickets less a week.
        Assert.Equal([190, 180], defer.Backlog.Select(b => b.Backlog));
    }

    [Fact]
    public void TeamWithCapacityToSpare_IsOfferedNoExtraStaff()
    {
        var healthy = Short().Select(w => w with { AvailableHours = 60, AvailableFte = 2 }).ToList();

        var scenarios = StaffingScenarios.For(healthy, backlog: 80, usualBacklog: 80, changeShare: 0, fteHours: 40, shrinkage: 0.25);

        Assert.Equal(["As planned"], scenarios.Select(s => s.Name));
        Assert.Equal([80, 80, 80, 80], scenarios[0].Backlog.Select(b => b.Backlog));
    }
}
