using PublicHoliday;

namespace Analytics.Calendar;

/// <summary>
/// The national public holidays of a country other than the Netherlands, from the PublicHoliday package
/// (holidays of one region only are left out), on the day they are observed, named in the country's
/// language; plus Good Friday and the extra closed days from <see cref="HolidayOptions"/>.
/// </summary>
public sealed class CountryHolidayCalendar : YearHolidayCalendar
{
    // The package's calendars cache per year without locking; this class keeps its own per-year result
    // and asks the package under a lock.
    private readonly IPublicHolidays _source;
    private readonly Lock _gate = new();

    /// <param name="country">An ISO 3166 alpha-2 code from <see cref="HolidayCalendars.SupportedCountries"/>.</param>
    public CountryHolidayCalendar(string country, HolidayOptions? options = null)
        : base(options)
    {
        ArgumentNullException.ThrowIfNull(country);
        Country = HolidayCalendars.Normalize(country);
        if (!HolidayCalendars.IsSupported(Country))
        {
            throw new ArgumentOutOfRangeException(nameof(country), country, HolidayCalendars.UnsupportedMessage(country));
        }

        _source = PublicHolidayFactory.GetPublicHolidayForCountry(Country);
    }

    public override string Country { get; }

    protected override IEnumerable<Holiday> PublicHolidays(int year)
    {
        lock (_gate)
        {
            return [.. _source.PublicHolidayNames(year, _source.Culture).Select(day => new Holiday(DateOnly.FromDateTime(day.Key), string.Join(" / ", day.Value)))];
        }
    }
}
