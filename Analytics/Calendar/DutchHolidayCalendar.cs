using System.Collections.Concurrent;

namespace Analytics.Calendar;

/// <summary>
/// Dutch public holidays (the general days off of most collective labour agreements) plus the
/// organisation's extra closed days. Computed per year, so it needs no data file to stay current.
/// </summary>
public sealed class DutchHolidayCalendar
{
    private readonly HolidayOptions _options;
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, Holiday>> _years = new();

    public DutchHolidayCalendar(HolidayOptions? options = null)
    {
        _options = options ?? new HolidayOptions();
    }

    public bool IsHoliday(DateOnly date) => Find(date) is not null;

    public Holiday? Find(DateOnly date) => ForYear(date.Year).TryGetValue(date, out var holiday) ? holiday : null;

    /// <summary>The year's holidays in date order.</summary>
    public IReadOnlyList<Holiday> InYear(int year) => [.. ForYear(year).Values.OrderBy(h => h.Date)];

    /// <summary>Days from <paramref name="date"/> to the next holiday (0 on a holiday), looking at most <paramref name="limit"/> days ahead.</summary>
    public int DaysToNext(DateOnly date, int limit = 60)
    {
        for (var days = 0; days <= limit; days++)
        {
            if (IsHoliday(date.AddDays(days)))
            {
                return days;
            }
        }

        return limit;
    }

    /// <summary>Days since the last holiday (0 on a holiday), looking at most <paramref name="limit"/> days back.</summary>
    public int DaysSinceLast(DateOnly date, int limit = 60)
    {
        for (var days = 0; days <= limit; days++)
        {
            if (IsHoliday(date.AddDays(-days)))
            {
                return days;
            }
        }

        return limit;
    }

    private IReadOnlyDictionary<DateOnly, Holiday> ForYear(int year) => _years.GetOrAdd(year, Compute);

    private Dictionary<DateOnly, Holiday> Compute(int year)
    {
        var easter = Easter.Sunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday)
        {
            // Koningsdag moves to the Saturday before when the 27th is a Sunday.
            kingsDay = kingsDay.AddDays(-1);
        }

        var days = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), "Nieuwjaarsdag"),
            new(easter, "Eerste Paasdag"),
            new(easter.AddDays(1), "Tweede Paasdag"),
            new(kingsDay, "Koningsdag"),
            new(easter.AddDays(39), "Hemelvaartsdag"),
            new(easter.AddDays(49), "Eerste Pinksterdag"),
            new(easter.AddDays(50), "Tweede Pinksterdag"),
            new(new DateOnly(year, 12, 25), "Eerste Kerstdag"),
            new(new DateOnly(year, 12, 26), "Tweede Kerstdag"),
        };
        if (_options.GoodFriday)
        {
            days.Add(new Holiday(easter.AddDays(-2), "Goede Vrijdag"));
        }

        if (_options.LiberationDayEveryYear || year % 5 == 0)
        {
            days.Add(new Holiday(new DateOnly(year, 5, 5), "Bevrijdingsdag"));
        }

        days.AddRange(_options.ExtraClosedDays.Where(d => d.Year == year).Select(d => new Holiday(d, "Closed")));

        // Later entries lose: a configured closed day that is already a public holiday keeps the holiday's name.
        var byDate = new Dictionary<DateOnly, Holiday>();
        foreach (var holiday in days)
        {
            byDate.TryAdd(holiday.Date, holiday);
        }

        return byDate;
    }
}
