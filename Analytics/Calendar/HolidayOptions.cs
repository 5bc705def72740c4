namespace Analytics.Calendar;

/// <summary>Which days count as public holidays. Section "Holidays".</summary>
public sealed class HolidayOptions
{
    public const string Section = "Holidays";

    /// <summary>
    /// The country whose public holidays the organisation keeps, as an ISO 3166 alpha-2 code ("NL", "BE", "DE", ...;
    /// <see cref="HolidayCalendars.SupportedCountries"/> lists them). Default: NL, the hand-written Dutch rules;
    /// other countries come from the PublicHoliday package (national holidays, not regional ones).
    /// </summary>
    public string Country { get; set; } = DutchHolidayCalendar.CountryCode;

    /// <summary>
    /// Good Friday is not a general day off in the Netherlands (nor in e.g. Belgium); many organisations close
    /// anyway. True adds it in every country. Default: only where it is a public holiday.
    /// </summary>
    public bool GoodFriday { get; set; }

    /// <summary>
    /// Liberation Day (5 May) is a day off by collective agreement in many sectors only every five
    /// years (2025, 2030, ...). Default: only in those years; true makes it a holiday every year. Netherlands only.
    /// </summary>
    public bool LiberationDayEveryYear { get; set; }

    /// <summary>Extra closed days of this organisation ("2026-12-31"), e.g. bridge days between holidays; in every country.</summary>
    public IList<DateOnly> ExtraClosedDays { get; } = [];
}
