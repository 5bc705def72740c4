using System.Globalization;

namespace Analytics.Import;

/// <summary>
/// The date layouts ticketing exports use. ISO 8601 is always accepted; the others are chosen per file
/// (detected from a sample, or set explicitly) because "03/04/2026" means different days in each.
/// </summary>
public sealed class DateFormat
{
    // "d" and "H" read one or two digits, and "ss.FFFFFFF" reads seconds with or without a fraction, so each
    // layout below also covers its zero-padded and fractional spellings ("05-01-2026 09:05:00.000").
    private static readonly string[] DayFirstSlashFormats = WithTimes("d/M/yyyy", "d/M/yy");

    private static readonly string[] DayFirstDashFormats = WithTimes("d-M-yyyy", "d-M-yy");

    private static readonly string[] DayFirstDotFormats = WithTimes("d.M.yyyy", "d.M.yy");

    private static readonly string[] YearFirstSlashFormats = WithTimes("yyyy/M/d");

    // Hungarian exports write the date with a closing dot ("2026.01.05. 09:05").
    private static readonly string[] YearFirstDotFormats = WithTimes("yyyy.M.d.", "yyyy.M.d");

    // English month abbreviations, as Oracle-based tools and many UK exports write them ("05-JAN-2026 09:05").
    private static readonly string[] DayMonthNameFormats = WithTimes("d-MMM-yyyy", "d-MMM-yy", "d MMM yyyy", "d MMM yy");

    private static readonly string[] UsFormats =
        ["M/d/yyyy h:mm tt", "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm", "M/d/yyyy H:mm:ss.FFFFFFF", "M/d/yyyy", "M/d/yy h:mm tt"];

    private static readonly string[] IsoLocalFormats =
        ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss,FFFFFFF", "yyyy-MM-dd"];

    private readonly string[] _formats;

    /// <summary>The date separator of a year-first layout the fast path can read ('/' for yyyy/MM/dd); ISO's '-' always is.</summary>
    private readonly char? _yearFirstSeparator;

    private DateFormat(string name, string[] formats, char? yearFirstSeparator = null)
    {
        Name = name;
        _formats = formats;
        _yearFirstSeparator = yearFirstSeparator;
    }

    public string Name { get; }

    public static DateFormat Iso { get; } = new("iso", []);

    public static DateFormat DayFirstSlash { get; } = new("d/M/yyyy H:mm", DayFirstSlashFormats);

    public static DateFormat DayFirstDash { get; } = new("dd-MM-yyyy HH:mm", DayFirstDashFormats);

    public static DateFormat DayFirstDot { get; } = new("dd.MM.yyyy HH:mm", DayFirstDotFormats);

    public static DateFormat YearFirstSlash { get; } = new("yyyy/MM/dd HH:mm:ss", YearFirstSlashFormats, '/');

    public static DateFormat YearFirstDot { get; } = new("yyyy.MM.dd HH:mm", YearFirstDotFormats);

    public static DateFormat DayMonthName { get; } = new("dd-MMM-yyyy HH:mm", DayMonthNameFormats);

    public static DateFormat Us { get; } = new("M/d/yyyy h:mm tt", UsFormats);

    /// <summary>
    /// Every layout detection chooses from. Day-first layouts come before the US one, so a sample that both
    /// read ("03/04/2026" only) is read day-first; ISO comes last because every layout accepts it anyway.
    /// </summary>
    private static readonly DateFormat[] Candidates = [DayFirstSlash, Us, DayFirstDash, DayFirstDot, YearFirstSlash, YearFirstDot, DayMonthName, Iso];

    /// <summary>An override from the command line: a family name or a .NET custom format string.</summary>
    public static DateFormat Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return text.Trim().ToLowerInvariant() switch
        {
            "iso" or "iso8601" => Iso,
            "d/m/yyyy" or "d/m/yyyy h:mm" or "dmy" or "day-first" => DayFirstSlash,
            "dd-mm-yyyy" or "dd-mm-yyyy hh:mm" or "d-m-yyyy" or "d-m-yyyy h:mm" => DayFirstDash,
            "dd.mm.yyyy" or "dd.mm.yyyy hh:mm" or "d.m.yyyy" or "d.m.yyyy h:mm" => DayFirstDot,
            "yyyy/mm/dd" or "yyyy/mm/dd hh:mm" or "yyyy/mm/dd hh:mm:ss" => YearFirstSlash,
            "yyyy.mm.dd" or "yyyy.mm.dd hh:mm" or "yyyy.mm.dd." => YearFirstDot,
            "dd-mmm-yyyy" or "dd-mmm-yyyy hh:mm" or "d-mmm-yyyy" => DayMonthName,
            "m/d/yyyy" or "m/d/yyyy h:mm tt" or "mdy" or "us" => Us,
            _ => new DateFormat(text, [text]),
        };
    }

    /// <summary>Picks the layout that reads most of the sample; ties go to day-first (the product's home market).</summary>
    public static DateFormat Detect(IEnumerable<string> sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        var candidates = Candidates;
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
    /// times in <paramref name="zone"/>. Returns false when the value fits no layout, or is a date that
    /// has no instant in UTC (see <see cref="TryParse(string, TimeZoneInfo, out DateTimeOffset, out bool)"/>).
    /// </summary>
    public bool TryParse(string value, TimeZoneInfo zone, out DateTimeOffset utc) => TryParse(value, zone, out utc, out _);

    /// <summary>
    /// As <see cref="TryParse(string, TimeZoneInfo, out DateTimeOffset)"/>; <paramref name="unrepresentable"/> says the
    /// value is a date in the layout but falls off the calendar's end once moved to UTC ("9999-12-31 23:59:59" west of
    /// Greenwich), so the caller can say so instead of "not a date".
    /// </summary>
    public bool TryParse(string value, TimeZoneInfo zone, out DateTimeOffset utc, out bool unrepresentable)
    {
        ArgumentNullException.ThrowIfNull(value);
        unrepresentable = false;
        var text = value.Trim();
        if (TryParseYearFirstFast(text, '-', out var fast)
            || (_yearFirstSeparator is { } separator && TryParseYearFirstFast(text, separator, out fast)))
        {
            unrepresentable = !LocalTime.TryToUtc(fast, zone, out utc);
            return !unrepresentable;
        }

        if (TryParseIsoInstant(text, out utc, out unrepresentable))
        {
            return true;
        }

        if (unrepresentable)
        {
            return false;
        }

        if (TryParseOwn(text, out var local)
            || DateTime.TryParseExact(text, IsoLocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local))
        {
            unrepresentable = !LocalTime.TryToUtc(local, zone, out utc);
            return !unrepresentable;
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

    private static bool TryParseIsoInstant(string text, out DateTimeOffset utc, out bool unrepresentable)
    {
        // Only ISO values that carry their own offset: "2026-03-29T01:30:00Z", "...+02:00", "...+0200", and
        // PostgreSQL's text form of a timestamptz, "2026-03-29 01:30:00+02".
        unrepresentable = false;
        if (text.Length >= 17 && char.IsAsciiDigit(text[0]) && text[4] == '-'
            && (text.EndsWith('Z') || text.EndsWith('z') || HasOffset(text)))
        {
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out utc))
            {
                utc = utc.ToUniversalTime();
                return true;
            }

            // "9999-12-31T23:00:00-05:00" is a date whose instant lies past the calendar's end: say so, not "not a date".
            unrepresentable = text.Length >= 19 && DateTime.TryParse(text[..19].Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            return false;
        }

        utc = default;
        return false;
    }

    /// <summary>
    /// "yyyy-MM-dd HH:mm[:ss[.fffffff]]" (or with 'T', or another date separator) without culture machinery:
    /// most database-sourced exports use exactly this, and the general parser costs more than everything else in a row.
    /// </summary>
    private static bool TryParseYearFirstFast(string text, char separator, out DateTime local)
    {
        local = default;
        if (text.Length is not (16 or 19) && (text.Length < 21 || text.Length > 27 || text[19] != '.'))
        {
            return false;
        }

        if (text[4] != separator || text[7] != separator || (text[10] != ' ' && text[10] != 'T') || text[13] != ':' || (text.Length > 16 && text[16] != ':'))
        {
            return false;
        }

        var second = 0;
        var fraction = 0;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute)
            || (text.Length > 16 && !Digits(text, 17, 2, out second))
            || (text.Length > 20 && !Digits(text, 20, text.Length - 20, out fraction)))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        // The fraction's digits are tenths, hundredths, ...: scale them to ticks (7 digits).
        for (var digits = text.Length - 20; digits is > 0 and < 7; digits++)
        {
            fraction *= 10;
        }

        local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(fraction);
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

    /// <summary>Whether the time part ends in "+hh", "+hhmm" or "+hh:mm" (or '-'): the date's own dashes do not count.</summary>
    private static bool HasOffset(string text)
    {
        var sign = text.LastIndexOfAny(['+', '-']);
        if (sign <= 10)
        {
            return false;
        }

        var tail = text.AsSpan(sign + 1);
        return tail.Length switch
        {
            2 => char.IsAsciiDigit(tail[0]) && char.IsAsciiDigit(tail[1]),
            4 => !tail.ContainsAnyExceptInRange('0', '9'),
            5 => tail[2] == ':' && char.IsAsciiDigit(tail[0]) && char.IsAsciiDigit(tail[1]) && char.IsAsciiDigit(tail[3]) && char.IsAsciiDigit(tail[4]),
            _ => false,
        };
    }

    /// <summary>Each date layout with a 24-hour time to the minute, to the second (with any fraction), or without time.</summary>
    private static string[] WithTimes(params string[] dates) =>
        [.. dates.SelectMany(d => new[] { d + " H:mm:ss.FFFFFFF", d + " H:mm", d })];

    public override string ToString() => Name;
}
