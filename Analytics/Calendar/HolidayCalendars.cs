using PublicHoliday;

namespace Analytics.Calendar;

/// <summary>Which countries' holidays are known, and the calendar for <see cref="HolidayOptions.Country"/>.</summary>
public static class HolidayCalendars
{
    /// <summary>
    /// The ISO 3166 alpha-2 codes that <see cref="HolidayOptions.Country"/> accepts, alphabetically: NL (hand-written
    /// rules) and every country of the PublicHoliday package (its legacy alias "PO" for Poland left out; PL is the code).
    /// </summary>
    public static IReadOnlyList<string> SupportedCountries { get; } =
        [.. Enum.GetNames<PublicHolidayCountryCode>()
            .Select(Normalize)
            .Where(code => code != "PO")
            .Append(DutchHolidayCalendar.CountryCode)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];

    public static bool IsSupported(string? country) =>
        country is not null && SupportedCountries.Contains(Normalize(country), StringComparer.Ordinal);

    /// <summary>The calendar for the configured country: the Dutch rules for NL, PublicHoliday's for the others.</summary>
    public static IHolidayCalendar Create(HolidayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var country = Normalize(options.Country ?? string.Empty);
        if (!IsSupported(country))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Country, UnsupportedMessage(options.Country));
        }

        return country == DutchHolidayCalendar.CountryCode
            ? new DutchHolidayCalendar(options)
            : new CountryHolidayCalendar(country, options);
    }

    /// <summary>The message for a country without holiday rules, naming the setting and the codes it accepts.</summary>
    public static string UnsupportedMessage(string? country) =>
        $"{HolidayOptions.Section}:{nameof(HolidayOptions.Country)}: '{country}' is not a supported country; use one of the ISO 3166 alpha-2 codes {string.Join(", ", SupportedCountries)}.";

    internal static string Normalize(string country) => country.Trim().ToUpperInvariant();
}
