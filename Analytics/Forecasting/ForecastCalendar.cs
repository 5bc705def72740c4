using Analytics.Import;
using Analytics.Storage;

namespace Analytics.Forecasting;

/// <summary>Which day counts as "the last complete day" of the data: yesterday in the teams' time zones.</summary>
public sealed class ForecastCalendar(TimeProvider time, ReferenceStore reference)
{
    /// <summary>
    /// The latest local day that has ended in every team's time zone (Europe/Amsterdam when no team is
    /// configured), so no series ends on a half day.
    /// </summary>
    public async Task<DateOnly> LastCompleteDayAsync(CancellationToken cancellationToken)
    {
        var teams = await reference.GetTeamsAsync(cancellationToken);
        var zones = teams.Select(t => t.TimeZone).DefaultIfEmpty("Europe/Amsterdam").Distinct(StringComparer.Ordinal);
        var now = time.GetUtcNow();
        return zones.Min(zone => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, LocalTime.FindZone(zone)).DateTime)).AddDays(-1);
    }
}
