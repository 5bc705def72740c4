using Analytics.Roster;
using Analytics.Tickets;

namespace Analytics.Tests.Roster;

public sealed class LeaveCalendarTests
{
    private static readonly DateOnly Monday = new(2026, 3, 9);
    private static readonly DateOnly[] Week = [.. Enumerable.Range(0, 5).Select(Monday.AddDays)];

    [Fact]
    public void WholeContractLeaveAllWeek_IsAwayAllWeek_WithNoHoursLeft()
    {
        var ann = new Agent { Name = "Ann", Team = "Alpha", ContractHours = 36m };
        var leave = new LeaveCalendar([new AgentLeave("ann", Monday.AddDays(-30), Monday.AddDays(30), null)]);

        Assert.True(leave.AwayAllOf(ann, Week));
        Assert.Equal(0, leave.AvailableHours(ann, Week)!.Value, 6);
    }

    [Fact]
    public void PartTimeLeave_LeavesTheRestOfTheContract_AndIsNotAwayAllWeek()
    {
        var ann = new Agent { Name = "Ann", Team = "Alpha", ContractHours = 36m };
        var leave = new LeaveCalendar([new AgentLeave("Ann", Monday, Monday.AddDays(4), 18m)]);

        Assert.False(leave.AwayAllOf(ann, Week));
        Assert.Equal(18, leave.AvailableHours(ann, Week)!.Value, 6);
    }

    [Fact]
    public void LeaveForDaysTheAgentWasNotOnStaff_DoesNotCount_AndNobodyIsAwayFromAWeekTheyWereNotThere()
    {
        var noor = new Agent { Name = "Noor", Team = "Alpha", ContractHours = 40m, StartDate = Monday.AddDays(7) };
        var leave = new LeaveCalendar([new AgentLeave("Noor", Monday, Monday.AddDays(4), null)]);

        Assert.False(leave.AwayAllOf(noor, Week));
        Assert.Equal(0, leave.AvailableHours(noor, Week)!.Value, 6);
    }

    [Fact]
    public void UnknownContractHours_AreUnknownAvailableHours_ButWholeLeaveIsStillLeave()
    {
        var bas = new Agent { Name = "Bas", Team = "Alpha", ContractHours = null };
        var leave = new LeaveCalendar([new AgentLeave("Bas", Monday, Monday.AddDays(4), null)]);

        Assert.Null(leave.AvailableHours(bas, Week));
        Assert.True(leave.AwayAllOf(bas, Week));
    }

    [Fact]
    public void AWeekWithoutWorkingDays_IsNoWeekAway()
    {
        var ann = new Agent { Name = "Ann", Team = "Alpha", ContractHours = 40m };
        var leave = new LeaveCalendar([new AgentLeave("Ann", Monday, Monday.AddDays(4), null)]);

        Assert.False(leave.AwayAllOf(ann, []));
    }
}
