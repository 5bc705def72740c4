using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Analytics.Calendar;

/// <summary>An ISO 8601 week ("2026-W47"): Monday to Sunday, week 1 holds the year's first Thursday.</summary>
public readonly record struct IsoWeek : IComparable<IsoWeek>
{
    public IsoWeek(int year, int week)
    {
        if (year is < 1 or > 9998)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be between 1 and 9998.");
        }

        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, $"{year} has {ISOWeek.GetWeeksInYear(year)} ISO weeks.");
        }

        Year = year;
        Week = week;
    }

    public int Year { get; }

    public int Week { get; }

    public DateOnly Monday => DateOnly.FromDateTime(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday));

    public DateOnly Sunday => Monday.AddDays(6);

    /// <summary>The day after the week's Sunday: the exclusive end of the week.</summary>
    public DateOnly NextMonday => Monday.AddDays(7);

    public static IsoWeek Of(DateOnly date)
    {
        var dateTime = date.ToDateTime(TimeOnly.MinValue);
        return new IsoWeek(ISOWeek.GetYear(dateTime), ISOWeek.GetWeekOfYear(dateTime));
    }

    /// <summary>The last week that has ended at <paramref name="now"/> in <paramref name="zone"/>: on a Monday, last week.</summary>
    public static IsoWeek LastCompleted(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime)).Previous();
    }

    public IsoWeek Next() => Of(NextMonday);

    public IsoWeek Previous() => Of(Monday.AddDays(-7));

    public IsoWeek AddWeeks(int weeks) => Of(Monday.AddDays(7 * weeks));

    /// <summary>Weeks from <paramref name="other"/> to this week (positive when this one is later).</summary>
    public int WeeksSince(IsoWeek other) => (Monday.DayNumber - other.Monday.DayNumber) / 7;

    /// <summary>Every week from <paramref name="first"/> to <paramref name="last"/>, both included.</summary>
    public static IEnumerable<IsoWeek> Range(IsoWeek first, IsoWeek last)
    {
        for (var week = first; week <= last; week = week.Next())
        {
            yield return week;
        }
    }

    public static IsoWeek Parse(string text) =>
        TryParse(text, out var week) ? week : throw new FormatException($"'{text}' is not an ISO week; expected a form such as 2026-W47.");

    public static bool TryParse([NotNullWhen(true)] string? text, out IsoWeek week)
    {
        week = default;
        var parts = text?.Trim().Split(['-', 'W', 'w'], StringSplitOptions.RemoveEmptyEntries);
        if (parts is not { Length: 2 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || year is < 1 or > 9998
            || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:0000}-W{Week:00}");

    public int CompareTo(IsoWeek other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public static bool operator <(IsoWeek left, IsoWeek right) => left.CompareTo(right) < 0;

    public static bool operator >(IsoWeek left, IsoWeek right) => left.CompareTo(right) > 0;

    public static bool operator <=(IsoWeek left, IsoWeek right) => left.CompareTo(right) <= 0;

    public static bool operator >=(IsoWeek left, IsoWeek right) => left.CompareTo(right) >= 0;
}
