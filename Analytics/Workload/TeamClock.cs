using Analytics.Calendar;
using Analytics.Tickets;

namespace Analytics.Workload;

/// <summary>
/// One team's calendar over a window of weeks: local days and ISO weeks in the team's time zone,
/// working hours, public holidays, and business minutes between two instants in constant time.
/// </summary>
internal sealed class TeamClock
{
    private readonly TimeZoneInfo _zone;
    private readonly IHolidayCalendar _holidays;
    private readonly int _firstDayNumber;
    private readonly bool[] _workday;
    private readonly long[] _businessBefore;
    private readonly int _startMinute;
    private readonly int _endMinute;
    private readonly ZoneOffsets _offsets;
    private readonly IsoWeek[] _weeks;

    public TeamClock(Team team, IsoWeek firstWeek, IsoWeek lastWeek, IHolidayCalendar holidays)
        : this(team, firstWeek, lastWeek, holidays, new ZoneOffsets(TimeZoneInfo.FindSystemTimeZoneById((team ?? throw new ArgumentNullException(nameof(team))).TimeZone), firstWeek, lastWeek))
    {
    }

    /// <summary>A clock whose local times come from <paramref name="offsets"/>, a table other clocks in the team's zone may share.</summary>
    public TeamClock(Team team, IsoWeek firstWeek, IsoWeek lastWeek, IHolidayCalendar holidays, ZoneOffsets offsets)
    {
        ArgumentNullException.ThrowIfNull(team);
        ArgumentNullException.ThrowIfNull(offsets);
        _offsets = offsets;
        _zone = offsets.Zone;
        _holidays = holidays;
        FirstWeek = firstWeek;
        WeekCount = lastWeek.WeeksSince(firstWeek) + 1;
        _firstDayNumber = firstWeek.Monday.DayNumber;
        _startMinute = (team.WorkdayStart.Hour * 60) + team.WorkdayStart.Minute;
        _endMinute = (team.WorkdayEnd.Hour * 60) + team.WorkdayEnd.Minute;
        var days = WeekCount * 7;
        _workday = new bool[days];
        _businessBefore = new long[days + 1];
        for (var d = 0; d < days; d++)
        {
            var date = DateOnly.FromDayNumber(_firstDayNumber + d);
            _workday[d] = date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.IsHoliday(date);
            _businessBefore[d + 1] = _businessBefore[d] + (_workday[d] ? _endMinute - _startMinute : 0);
        }

        WeekEnds = new DateTimeOffset[WeekCount];
        _weeks = new IsoWeek[WeekCount];
        for (var w = 0; w < WeekCount; w++)
        {
            _weeks[w] = firstWeek.AddWeeks(w);
            WeekEnds[w] = ToUtc(_weeks[w].NextMonday.ToDateTime(TimeOnly.MinValue));
        }
    }

    public IsoWeek FirstWeek { get; }

    public int WeekCount { get; }

    /// <summary>The instant each week ends (local Monday 00:00 after it), in UTC.</summary>
    public DateTimeOffset[] WeekEnds { get; }

    /// <summary>The week at <paramref name="index"/>; computed once, because turning the pass into weeks asks for every week of every agent.</summary>
    public IsoWeek WeekAt(int index) => index >= 0 && index < _weeks.Length ? _weeks[index] : FirstWeek.AddWeeks(index);

    /// <summary>The Monday of the week at <paramref name="index"/>, by arithmetic.</summary>
    public DateOnly MondayOf(int index) => DateOnly.FromDayNumber(_firstDayNumber + (7 * index));

    /// <summary>Index of the week holding <paramref name="instant"/>; below 0 before the window, at or above <see cref="WeekCount"/> after it.</summary>
    public int WeekIndex(DateTimeOffset instant) => FloorDiv(DayIndex(instant), 7);

    /// <summary>Local day of <paramref name="instant"/> as days since the window's first Monday.</summary>
    public int DayIndex(DateTimeOffset instant) => (int)(LocalTicks(instant) / TimeSpan.TicksPerDay) - _firstDayNumber;

    /// <summary>Local hour of the day (0-23).</summary>
    public int HourOfDay(DateTimeOffset instant) => (int)(LocalTicks(instant) % TimeSpan.TicksPerDay / TimeSpan.TicksPerHour);

    /// <summary>Whether the instant falls outside working hours: evenings, nights, weekends and public holidays.</summary>
    public bool IsAfterHours(DateTimeOffset instant)
    {
        var local = LocalTicks(instant);
        var day = (int)(local / TimeSpan.TicksPerDay) - _firstDayNumber;
        var minute = (int)(local % TimeSpan.TicksPerDay / TimeSpan.TicksPerMinute);
        var workday = day >= 0 && day < _workday.Length
            ? _workday[day]
            : IsWorkdayOutsideWindow(DateOnly.FromDayNumber(day + _firstDayNumber));
        return !workday || minute < _startMinute || minute >= _endMinute;
    }

    /// <summary>Working minutes between two instants (zero when the second is not later), within the window.</summary>
    public double BusinessMinutes(DateTimeOffset from, DateTimeOffset to) =>
        to <= from ? 0 : BusinessPosition(to) - BusinessPosition(from);

    /// <summary>Working days in the weeks [first, last] of the window.</summary>
    public int WorkdaysIn(int firstWeek, int lastWeek)
    {
        var count = 0;
        for (var d = Math.Max(0, firstWeek * 7); d < Math.Min(_workday.Length, (lastWeek + 1) * 7); d++)
        {
            count += _workday[d] ? 1 : 0;
        }

        return count;
    }

    public bool IsWorkday(int dayIndex) => dayIndex >= 0 && dayIndex < _workday.Length && _workday[dayIndex];

    /// <summary>
    /// Working minutes from the window's start up to <paramref name="instant"/> (negative before it):
    /// tickets resolved in the window may have been opened long before it.
    /// </summary>
    private double BusinessPosition(DateTimeOffset instant)
    {
        var local = LocalTicks(instant);
        var day = (int)(local / TimeSpan.TicksPerDay) - _firstDayNumber;
        var minute = (local % TimeSpan.TicksPerDay) / (double)TimeSpan.TicksPerMinute;
        var workdayLength = _endMinute - _startMinute;
        if (day >= 0 && day < _workday.Length)
        {
            return _businessBefore[day] + (_workday[day] ? Math.Clamp(minute, _startMinute, _endMinute) - _startMinute : 0);
        }

        var date = DateOnly.FromDayNumber(day + _firstDayNumber);
        var within = IsWorkdayOutsideWindow(date) ? Math.Clamp(minute, _startMinute, _endMinute) - _startMinute : 0;
        return day < 0
            ? within - ((double)WorkdaysBetween(date, DateOnly.FromDayNumber(_firstDayNumber)) * workdayLength)
            : _businessBefore[^1] + ((double)WorkdaysBetween(DateOnly.FromDayNumber(_firstDayNumber + _workday.Length), date) * workdayLength) + within;
    }

    /// <summary>Working days in [from, to): weekdays by arithmetic, less the public holidays on weekdays.</summary>
    private int WorkdaysBetween(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        var weeks = days / 7;
        var weekdays = weeks * 5;
        for (var d = from.AddDays(weeks * 7); d < to; d = d.AddDays(1))
        {
            weekdays += d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0 : 1;
        }

        var holidays = 0;
        for (var year = from.Year; year <= to.Year; year++)
        {
            holidays += _holidays.InYear(year).Count(h => h.Date >= from && h.Date < to && h.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        }

        return weekdays - holidays;
    }

    private bool IsWorkdayOutsideWindow(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !_holidays.IsHoliday(date);

    private long LocalTicks(DateTimeOffset instant) => _offsets.LocalTicks(instant.UtcTicks);

    private DateTimeOffset ToUtc(DateTime local) => Import.LocalTime.ToUtc(local, _zone);

    private static int FloorDiv(int a, int b) => a >= 0 ? a / b : ((a + 1) / b) - 1;
}
