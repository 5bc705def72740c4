using System.Collections.Concurrent;

namespace Analytics.Calendar;

/// <summary>
/// A holiday calendar computed one year at a time and kept: the country's public holidays, then Good Friday
/// when <see cref="HolidayOptions.GoodFriday"/> is set, then the organisation's <see cref="HolidayOptions.ExtraClosedDays"/>.
/// A day that is already a holiday keeps its first name. Safe to share between threads.
/// </summary>
public abstract class YearHolidayCalendar : IHolidayCalendar
{
    /// <summary>The name of a configured extra closed day.</summary>
    public const string ClosedDayName = "Closed";

    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, Holiday>> _years = new();

    protected YearHolidayCalendar(HolidayOptions? options)
    {
        Options = options ?? new HolidayOptions();
    }

    public abstract string Country { get; }

    protected HolidayOptions Options { get; }

    /// <summary>What Good Friday is called in this calendar's language.</summary>
    protected virtual string GoodFridayName => "Good Friday";

    public bool IsHoliday(DateOnly day) => Find(day) is not null;

    public Holiday? Find(DateOnly day) => ForYear(day.Year).TryGetValue(day, out var holiday) ? holiday : null;

    public IReadOnlyList<Holiday> InYear(int year) => [.. ForYear(year).Values.OrderBy(h => h.Date)];

    /// <summary>The country's public holidays in <paramref name="year"/>, on the day they are observed.</summary>
    protected abstract IEnumerable<Holiday> PublicHolidays(int year);

    private IReadOnlyDictionary<DateOnly, Holiday> ForYear(int year) => _years.GetOrAdd(year, Compute);

    private Dictionary<DateOnly, Holiday> Compute(int year)
    {
        var days = new List<Holiday>(PublicHolidays(year));
        if (Options.GoodFriday)
        {
            days.Add(new Holiday(Easter.Sunday(year).AddDays(-2), GoodFridayName));
        }

        days.AddRange(Options.ExtraClosedDays.Where(d => d.Year == year).Select(d => new Holiday(d, ClosedDayName)));

        // Later entries lose: a configured closed day that is already a public holiday keeps the holiday's name.
        var byDate = new Dictionary<DateOnly, Holiday>();
        foreach (var holiday in days)
        {
            byDate.TryAdd(holiday.Date, holiday);
        }

        return byDate;
    }
}
