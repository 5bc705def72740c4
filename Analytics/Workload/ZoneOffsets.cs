using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>
/// A time zone's offset from UTC for each UTC hour (offsets change only on the hour), computed the first
/// time an hour is asked for. A pass converts some twenty instants per ticket, for every team's clock; one
/// table per zone, shared by the clocks in that zone, keeps that to an array read.
/// </summary>
internal sealed class ZoneOffsets
{
    private const long Unknown = long.MinValue;

    private readonly long _firstHour;
    private readonly long[] _offsetTicks;
    private readonly Dictionary<long, long> _outside = [];

    /// <summary>A table over the window and the year before it, where most tickets still open in the window were opened.</summary>
    public ZoneOffsets(TimeZoneInfo zone, IsoWeek firstWeek, IsoWeek lastWeek)
    {
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        _firstHour = firstWeek.Monday.AddDays(-366).DayNumber * 24L;
        var lastHour = lastWeek.NextMonday.AddDays(2).DayNumber * 24L;
        _offsetTicks = new long[lastHour - _firstHour];
        Array.Fill(_offsetTicks, Unknown);
    }

    public TimeZoneInfo Zone { get; }

    /// <summary>Local wall-clock ticks of an instant given in UTC ticks.</summary>
    public long LocalTicks(long utcTicks)
    {
        var hour = utcTicks / TimeSpan.TicksPerHour;
        var index = hour - _firstHour;
        long offset;
        if ((ulong)index < (ulong)_offsetTicks.Length)
        {
            offset = _offsetTicks[index];
            if (offset == Unknown)
            {
                offset = OffsetAt(hour);
                _offsetTicks[index] = offset;
            }
        }
        else if (!_outside.TryGetValue(hour, out offset))
        {
            offset = OffsetAt(hour);
            _outside[hour] = offset;
        }

        return utcTicks + offset;
    }

    private long OffsetAt(long hour) => Zone.GetUtcOffset(new DateTime(hour * TimeSpan.TicksPerHour, DateTimeKind.Utc)).Ticks;
}
