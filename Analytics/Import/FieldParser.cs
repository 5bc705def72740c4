using System.Globalization;

namespace Analytics.Import;

/// <summary>
/// Reads one field's text into a value: missing-value spellings, yes/no words, whole numbers and dates
/// (wall-clock in a layout and zone, or with their own offset). CSV rows (<see cref="RowReader"/>) and
/// database rows (<see cref="Sources.SourceRowMapper"/>) both read text through here, so the same text
/// means the same value whichever way it arrived.
/// </summary>
public static class FieldParser
{
    /// <summary>Free text longer than this is not a ticket field but damage (or an attack).</summary>
    public const int MaxTextLength = 32 * 1024;

    public const string NotYesNo = "not a yes/no value";

    public const string InvalidUtf8 = "invalid UTF-8 byte sequence";

    public const string NotWholeNumber = "not a whole number of zero or more";

    /// <summary>
    /// The trimmed text, or null when it is missing (empty, "NULL", "N/A", "-", "?") or damaged; for damage,
    /// <paramref name="problem"/> says why.
    /// </summary>
    public static string? Text(string? raw, out string? problem)
    {
        problem = null;
        if (MissingValues.IsMissing(raw))
        {
            return null;
        }

        if (raw!.Length > MaxTextLength)
        {
            problem = $"value is {raw.Length:N0} characters long; the limit is {MaxTextLength:N0}";
            return null;
        }

        if (raw.Contains('\uFFFD', StringComparison.Ordinal))
        {
            problem = InvalidUtf8;
            return null;
        }

        if (raw.Contains('\0', StringComparison.Ordinal))
        {
            problem = "contains NUL characters (binary data?)";
            return null;
        }

        return raw.Trim();
    }

    /// <summary>The raw value as a quarantine row shows it: NUL characters made visible.</summary>
    public static string Shown(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return raw.Replace('\0', '\uFFFD');
    }

    /// <summary>English and Dutch yes/no words as exports and databases spell them (true/false, yes/no, ja/nee, 1/0...).</summary>
    public static bool TryYesNo(string text, out bool value)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "t" or "yes" or "y" or "1" or "ja" or "j" or "waar":
                value = true;
                return true;
            case "false" or "f" or "no" or "n" or "0" or "nee" or "onwaar":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>A count of zero or more: "12", or "12.0" / "12.00" as spreadsheets and numeric columns write it.</summary>
    public static bool TryWholeNumber(string text, out int value)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0)
        {
            return true;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d >= 0 && d <= int.MaxValue && d == Math.Floor(d))
        {
            value = (int)d;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>A whole number of zero or more from a database's numeric value; text goes through <see cref="TryWholeNumber(string, out int)"/>.</summary>
    public static bool TryWholeNumber(object value, out int number)
    {
        ArgumentNullException.ThrowIfNull(value);
        double d;
        switch (value)
        {
            case string text:
                return TryWholeNumber(text, out number);
            case long or int or short or byte or sbyte or ushort or uint or ulong or decimal:
                var exact = Convert.ToDecimal(value, CultureInfo.InvariantCulture);
                d = exact == Math.Floor(exact) ? (double)exact : -1;
                break;
            case double or float:
                d = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                break;
            default:
                d = -1;
                break;
        }

        if (double.IsFinite(d) && d >= 0 && d <= int.MaxValue && d == Math.Floor(d))
        {
            number = (int)d;
            return true;
        }

        number = 0;
        return false;
    }

    /// <summary>
    /// A date: ISO 8601 with an offset or 'Z' is that instant; anything else is a wall-clock time in
    /// <paramref name="format"/> (or ISO 8601) in <paramref name="zone"/>. Whole seconds: sources disagree on
    /// fractions and they carry no meaning here.
    /// </summary>
    public static bool TryInstant(string text, DateFormat format, TimeZoneInfo zone, out DateTimeOffset utc) =>
        TryInstant(text, format, zone, out utc, out _);

    /// <summary>
    /// As <see cref="TryInstant(string, DateFormat, TimeZoneInfo, out DateTimeOffset)"/>; when the text is a date but
    /// no ticket's time (a "no date" placeholder such as 9999-12-31 or 0001-01-01, or one that falls off the calendar in
    /// UTC), <paramref name="rangeProblem"/> says so and the result is false.
    /// </summary>
    public static bool TryInstant(string text, DateFormat format, TimeZoneInfo zone, out DateTimeOffset utc, out string? rangeProblem)
    {
        ArgumentNullException.ThrowIfNull(format);
        rangeProblem = null;
        if (format.TryParse(text, zone, out var exact, out var unrepresentable))
        {
            utc = WholeSeconds(exact);
            rangeProblem = OutOfRange(utc);
            return rangeProblem is null;
        }

        if (unrepresentable)
        {
            rangeProblem = DateOutOfRange;
        }

        utc = default;
        return false;
    }

    /// <summary>The earliest time a ticket can have: before it, a date is a placeholder or damage.</summary>
    public static readonly DateTimeOffset EarliestInstant = new(1900, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first time no ticket can have (due dates included): from it on, a date is a placeholder or damage.</summary>
    public static readonly DateTimeOffset EndOfInstants = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const string DateOutOfRange =
        "date outside 1900-2999 (a placeholder for \"no date\" such as 9999-12-31 or 0001-01-01?); leave the field empty when there is no date";

    /// <summary>Why <paramref name="utc"/> cannot be a ticket's time, or null when it can.</summary>
    public static string? OutOfRange(DateTimeOffset utc) =>
        utc < EarliestInstant || utc >= EndOfInstants ? DateOutOfRange : null;

    /// <summary>The instant cut to whole seconds, in UTC: the canonical precision of every stored time.</summary>
    public static DateTimeOffset WholeSeconds(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
