using System.Globalization;

namespace Analytics.Calendar;

/// <summary>
/// A clock that stands at one instant: every computation that asks for "now" gets the as-of instant,
/// so a report, forecast or overload check for a past moment reads only what was known by then and
/// dates its freshness warnings from then. Timers still run on the system clock.
/// </summary>
public sealed class AsOfClock(DateTimeOffset asOf) : TimeProvider
{
    public DateTimeOffset AsOf { get; } = asOf.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => AsOf;

    /// <summary>What an as-of text may look like, for messages.</summary>
    public const string Forms = "a date (2012-07-31, its end in the department's time zone) or an instant with an offset (2012-07-31T17:00:00+02:00)";

    /// <summary>
    /// Reads an as-of moment: a date means the end of that day in <paramref name="departmentZone"/>; a time needs
    /// an offset or Z, because a bare local time is ambiguous once a year. False when the text names no moment.
    /// </summary>
    public static bool TryParse(string text, string departmentZone, out AsOfClock? clock)
    {
        ArgumentNullException.ThrowIfNull(text);
        clock = null;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            if (day == DateOnly.MaxValue)
            {
                return false;
            }

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

        return false;
    }
}
