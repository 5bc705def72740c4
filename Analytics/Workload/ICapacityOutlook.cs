using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>
/// Forecast work against capacity for the coming weeks. Overload detection flags a team whose
/// forecast work exceeds its capacity; the forecasting module provides the figures.
/// </summary>
public interface ICapacityOutlook
{
    /// <summary>
    /// The outlook per team for <paramref name="weeks"/> weeks starting at <paramref name="firstWeek"/>,
    /// or an empty list when no forecast is available (no trained model yet).
    /// </summary>
    Task<IReadOnlyList<CapacityOutlook>> GetAsync(IsoWeek firstWeek, int weeks, CancellationToken cancellationToken);
}

/// <summary>One team's forecast work and capacity in one week, in hours of hands-on time.</summary>
/// <param name="NeededHours">Forecast volume x handling time (point forecast).</param>
/// <param name="NeededHoursHigh">The same at the upper end of the 80% prediction interval.</param>
/// <param name="AvailableHours">Roster capacity: contract hours less shrinkage and planned leave; null when unknown.</param>
public sealed record CapacityOutlook(string Team, IsoWeek Week, double NeededHours, double NeededHoursHigh, double? AvailableHours)
{
    /// <summary>Available minus needed hours; null when the capacity is unknown.</summary>
    public double? Gap => AvailableHours - NeededHours;
}
