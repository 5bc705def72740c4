using System.Globalization;

namespace Reports.Charts;

/// <summary>An ISO 8601 week as charts label it ("2026-W05"); the document layer maps its week type to this.</summary>
public readonly record struct WeekLabel : IComparable<WeekLabel>
{
    public WeekLabel(int year, int week)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(week, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(week, 53);
        Year = year;
        Week = week;
    }

    public int Year { get; }

    public int Week { get; }

    public int CompareTo(WeekLabel other) => Year != other.Year ? Year.CompareTo(other.Year) : Week.CompareTo(other.Week);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-W{Week:00}");

    /// <summary>"W05", or "26-W05" when a chart spans more than one year.</summary>
    internal string Short(bool withYear) =>
        withYear
            ? string.Create(CultureInfo.InvariantCulture, $"{Year % 100:00}-W{Week:00}")
            : string.Create(CultureInfo.InvariantCulture, $"W{Week:00}");

    public static bool operator <(WeekLabel left, WeekLabel right) => left.CompareTo(right) < 0;

    public static bool operator <=(WeekLabel left, WeekLabel right) => left.CompareTo(right) <= 0;

    public static bool operator >(WeekLabel left, WeekLabel right) => left.CompareTo(right) > 0;

    public static bool operator >=(WeekLabel left, WeekLabel right) => left.CompareTo(right) >= 0;
}
