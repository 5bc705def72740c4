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

        var outlook = await planner.PlanAsync(firstWeek, weeks, cancellationToken);
        return outlook is null
            ? []
            : [.. outlook.Weeks.Select(w => new CapacityOutlook(w.Team, w.Week, w.NeededHours, w.NeededHoursHigh, w.AvailableHours))];
    }
}
