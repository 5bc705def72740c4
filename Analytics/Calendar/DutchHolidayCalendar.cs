namespace Analytics.Calendar;

/// <summary>
/// Dutch public holidays (the general days off of most collective labour agreements) plus the
/// organisation's extra closed days. Computed per year, so it needs no data file to stay current.
/// Hand-written rather than taken from PublicHoliday: Good Friday and Liberation Day follow
/// <see cref="HolidayOptions"/>, as Dutch collective agreements differ on them.
/// </summary>
public sealed class DutchHolidayCalendar(HolidayOptions? options = null) : YearHolidayCalendar(options)
{
    public const string CountryCode = "NL";

    public override string Country => CountryCode;

    protected override string GoodFridayName => "Goede Vrijdag";

    protected override IEnumerable<Holiday> PublicHolidays(int year)
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
        if (Options.LiberationDayEveryYear || year % 5 == 0)
        {
            days.Add(new Holiday(new DateOnly(year, 5, 5), "Bevrijdingsdag"));
        }

        return days;
    }
}
