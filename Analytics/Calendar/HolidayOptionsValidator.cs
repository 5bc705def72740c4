using Microsoft.Extensions.Options;

namespace Analytics.Calendar;

/// <summary>Checks at start that <see cref="HolidayOptions.Country"/> is a country whose holidays are known.</summary>
public sealed class HolidayOptionsValidator : IValidateOptions<HolidayOptions>
{
    public ValidateOptionsResult Validate(string? name, HolidayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return HolidayCalendars.IsSupported(options.Country)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(HolidayCalendars.UnsupportedMessage(options.Country));
    }
}
