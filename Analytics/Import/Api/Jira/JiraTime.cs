using System.Globalization;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// Jira's instants and dates. The REST API writes instants as "2026-01-15T09:05:12.345+0100" (an offset
/// without a colon, which .NET's ISO parser does not read) and dates as "2026-01-20"; JQL reads times as
/// "yyyy/MM/dd HH:mm" in the API user's own time zone.
/// </summary>
internal static class JiraTime
{
    private static readonly string[] InstantLayouts =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz",
    ];

    /// <summary>An instant in Jira's layout (offset with or without colon, or Z), cut to whole seconds in UTC.</summary>
    public static bool TryInstant(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normal = text.Trim();
        if (normal.EndsWith('Z'))
        {
            normal = normal[..^1] + "+00:00";
        }
        else if (normal.Length > 5 && (normal[^5] == '+' || normal[^5] == '-') && normal[^4..].All(char.IsAsciiDigit))
        {
            normal = normal[..^2] + ":" + normal[^2..];
        }

        if (!DateTimeOffset.TryParseExact(normal, InstantLayouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
            || FieldParser.OutOfRange(parsed) is not null)
        {
            return false;
        }

        utc = FieldParser.WholeSeconds(parsed);
        return true;
    }

    /// <summary>A date ("2026-01-20") as the start of that day in <paramref name="zone"/>.</summary>
    public static bool TryDate(string? text, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        utc = default;
        return DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && LocalTime.TryToUtc(day, zone, out utc)
            && FieldParser.OutOfRange(utc) is null;
    }

    /// <summary>
    /// <paramref name="since"/> as a JQL time in <paramref name="zone"/>, rounded down to the minute so that
    /// nothing changed in the last partial minute is skipped. In an autumn overlap the wall-clock time is
    /// ambiguous and Jira may read it as the later instant: the earlier hour is asked for instead.
    /// </summary>
    public static string JqlMinute(DateTimeOffset since, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(since, zone).DateTime;
        if (zone.IsAmbiguousTime(local))
        {
            local = TimeZoneInfo.ConvertTime(since.AddHours(-1), zone).DateTime;
        }

        var minute = new DateTime(local.Ticks - (local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        return minute.ToString("yyyy/MM/dd HH:mm", CultureInfo.InvariantCulture);
    }
}
