namespace Analytics.Calendar;

/// <summary>
/// The days the organisation is closed besides weekends: the public holidays of its country
/// (<see cref="HolidayOptions.Country"/>) and its own extra closed days. One instance is registered and
/// injected wherever a computation needs to know whether a day is a working day.
/// </summary>
public interface IHolidayCalendar
{
    /// <summary>The ISO 3166 alpha-2 code of the country whose public holidays this calendar holds ("NL").</summary>
    string Country { get; }

    /// <summary>Whether <paramref name="day"/> is a public holiday or a configured closed day.</summary>
    bool IsHoliday(DateOnly day);

    /// <summary>The holiday on <paramref name="day"/>, or null on an ordinary day.</summary>
    Holiday? Find(DateOnly day);

    /// <summary>The year's holidays and closed days in date order.</summary>
    IReadOnlyList<Holiday> InYear(int year);
}

/// <summary>Distances to holidays, for the forecast's calendar features.</summary>
public static class HolidayCalendarExtensions
{
    /// <summary>Days from <paramref name="date"/> to the next holiday (0 on a holiday), looking at most <paramref name="limit"/> days ahead.</summary>
    public static int DaysToNext(this IHolidayCalendar calendar, DateOnly date, int limit = 60)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var days = 0; days <= limit; days++)
        {
            if (calendar.IsHoliday(date.AddDays(days)))
            {
                return days;
            }
        }

        return limit;
    }

    /// <summary>Days since the last holiday (0 on a holiday), looking at most <paramref name="limit"/> days back.</summary>
    public static int DaysSinceLast(this IHolidayCalendar calendar, DateOnly date, int limit = 60)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        for (var days = 0; days <= limit; days++)
        {
            if (calendar.IsHoliday(date.AddDays(-days)))
            {
                return days;
            }
        }

        return limit;
    }
}
