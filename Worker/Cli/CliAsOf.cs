using System.Globalization;
using Analytics.Calendar;

namespace Worker.Cli;

/// <summary>
/// The <c>--as-of</c> option of the reporting commands: the moment the figures are computed as of.
/// A date means the end of that day in the department's time zone; a time needs an offset or Z.
/// </summary>
internal static class CliAsOf
{
    public static System.CommandLine.Option<string?> Option() =>
        new("--as-of") { Description = "Compute as of this moment instead of now: a date (2012-07-31, its end in the department's zone) or an instant (2012-07-31T17:00:00+02:00). Only tickets known by then count; forecasts start from it." };

    /// <summary>The clock to run the command on; null with a message on stderr when the text is no date.</summary>
    public static bool TryParse(string? text, string departmentZone, out AsOfClock? clock)
    {
        clock = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            // A bad zone setting is reported by the settings' validation; the date is read in UTC meanwhile.
            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(departmentZone, out var found) ? found : TimeZoneInfo.Utc;
            var midnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            clock = new AsOfClock(new DateTimeOffset(midnight, zone.GetUtcOffset(midnight)));
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && (text.EndsWith('Z') || text.Contains('+', StringComparison.Ordinal) || text.LastIndexOf('-') > 9))
        {
            clock = new AsOfClock(instant);
            return true;
        }

        Console.Error.WriteLine($"--as-of: '{text}' is not a date (2012-07-31) or an instant with an offset (2012-07-31T17:00:00+02:00).");
        return false;
    }
}
