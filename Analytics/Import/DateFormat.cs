using System.Globalization;

namespace Analytics.Import;

/// <summary>
/// The date layouts ticketing exports use. ISO 8601 is always accepted; the others are chosen per file
/// (detected from a sample, or set explicitly) because "03/04/2026" means different days in each.
/// </summary>
public sealed class DateFormat
{
    private static readonly string[] DayFirstSlashFormats =
        ["d/M/yyyy H:mm", "d/M/yyyy H:mm:ss", "d/M/yyyy", "d/M/yy H:mm"];

    private static readonly string[] DayFirstDashFormats =
        ["dd-MM-yyyy HH:mm", "dd-MM-yyyy HH:mm:ss", "d-M-yyyy H:mm", "d-M-yyyy H:mm:ss", "dd-MM-yyyy", "d-M-yyyy"];

    private static readonly string[] UsFormats =
        ["M/d/yyyy h:mm tt", "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm", "M/d/yyyy", "M/d/yy h:mm tt"];

    private static readonly string[] IsoLocalFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd"];

    private readonly string[] _formats;

    private DateFormat(string name, string[] formats)
    {
        Name = name;
        _formats = formats;
    }

    public string Name { get; }

    public static DateFormat Iso { get; } = new("iso", []);

    public static DateFormat DayFirstSlash { get; } = new("d/M/yyyy H:mm", DayFirstSlashFormats);

    public static DateFormat DayFirstDash { get; } = new("dd-MM-yyyy HH:mm", DayFirstDashFormats);

    public static DateFormat Us { get; } = new("M/d/yyyy h:mm tt", UsFormats);

    /// <summary>An override from the command line: a family name or a .NET custom format string.</summary>
    public static DateFormat Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "iso" or "iso8601" => Iso,
            "d/m/yyyy" or "d/m/yyyy h:mm" or "dmy" or "day-first" => DayFirstSlash,
            "dd-mm-yyyy" or "dd-mm-yyyy hh:mm" => DayFirstDash,
            "m/d/yyyy" or "m/d/yyyy h:mm tt" or "mdy" or "us" => Us,
            _ => new DateFormat(text, [text]),
        };
    }

    /// <summary>Picks the layout that reads most of the sample; ties go to day-first (the product's home market).</summary>
    public static DateFormat Detect(IEnumerable<string> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var candidates = new[] { DayFirstSlash, Us, DayFirstDash, Iso };
        var scores = new int[candidates.Length];
        var any = false;
        foreach (var value in sample)
        {
            if (MissingValues.IsMissing(value))
            {
                continue;
            }

            any = true;
            for (var i = 0; i < candidates.Length; i++)
            {
                if (candidates[i].TryParseOwn(value.Trim(), out _))
                {
                    scores[i]++;
                }
            }
        }

        if (!any)
        {
            return Iso;
        }

        var best = 0;
        for (var i = 1; i < candidates.Length; i++)
        {
            if (scores[i] > scores[best])
            {
                best = i;
            }
        }

        return scores[best] == 0 ? Iso : candidates[best];
    }

    /// <summary>
    /// Reads a value. Values with an explicit offset or 'Z' are instants; the rest are wall-clock
    /// times in <paramref name="zone"/>. Returns false when the value fits no layout.
    /// </summary>
    public bool TryParse(string value, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = value.Trim();
        if (TryParseIsoLocalFast(text, out var fast))
        {
            utc = LocalTime.ToUtc(fast, zone);
            return true;
        }

        if (TryParseIsoInstant(text, out utc))
        {
            return true;
        }

        if (TryParseOwn(text, out var local)
            || DateTime.TryParseExact(text, IsoLocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            utc = LocalTime.ToUtc(local, zone);
            return true;
        }

        utc = default;
        return false;
    }

    private bool TryParseOwn(string text, out DateTime local)
    {
        if (_formats.Length == 0)
        {
            return DateTime.TryParseExact(text, IsoLocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);
        }

        return DateTime.TryParseExact(text, _formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out local);
    }

    private static bool TryParseIsoInstant(string text, out DateTimeOffset utc)
    {
        // Only values that carry their own offset: "2026-03-29T01:30:00Z", "...+02:00".
        if (text.Length >= 20 && char.IsAsciiDigit(text[0]) && text[4] == '-'
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text))
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out utc))
        {
            utc = utc.ToUniversalTime();
            return true;
        }

        utc = default;
        return false;
    }

    /// <summary>
    /// "yyyy-MM-dd HH:mm:ss" (or with 'T') without culture machinery: most database-sourced exports use
    /// exactly this, and the general parser costs more than everything else in a row.
    /// </summary>
    private static bool TryParseIsoLocalFast(string text, out DateTime local)
    {
        local = default;
        if (text.Length != 19 || text[4] != '-' || text[7] != '-' || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static bool HasOffset(string text)
    {
        var tail = text.AsSpan(Math.Max(0, text.Length - 6));
        return tail.Length == 6 && (tail[0] == '+' || tail[0] == '-') && tail[3] == ':';
    }

    public override string ToString() => Name;
}
