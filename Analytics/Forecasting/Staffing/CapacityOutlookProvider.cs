using Analytics.Calendar;
using Analytics.Workload;

namespace Analytics.Forecasting.Staffing;

/// <summary>The overload check's view of the staffing forecast: hands-on hours needed against roster hours per team and week.</summary>
public sealed class CapacityOutlookProvider(StaffingPlanner planner) : ICapacityOutlook
{
    public async Task<IReadOnlyList<CapacityOutlook>> GetAsync(IsoWeek firstWeek, int weeks, CancellationToken cancellationToken)
    {
        if (weeks <= 0)
        {
            return [];
        }

        return From(await planner.PlanAsync(firstWeek, weeks, cancellationToken), firstWeek, weeks);
    }

    /// <summary>The capacity rows of weeks <paramref name="firstWeek"/> onwards of a staffing outlook already planned.</summary>
    public static IReadOnlyList<CapacityOutlook> From(StaffingOutlook? outlook, IsoWeek firstWeek, int weeks) =>
        outlook is null
            ? []
            : [.. outlook.Weeks
                .Where(w => w.Week >= firstWeek && w.Week < firstWeek.AddWeeks(weeks))
                .Select(w => new CapacityOutlook(w.Team, w.Week, w.NeededHours, w.NeededHoursHigh, w.AvailableHours))];
}
