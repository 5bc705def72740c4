using System.Globalization;
using Analytics.Calendar;
using Reports.Layout;

namespace Reports.Documents;

/// <summary>How figures read in reports: one culture (invariant, with thousands separators), one style.</summary>
public static class Figures
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>What a figure reads when its input is not known (contract hours not on the roster): said in words, never a 0.</summary>
    public const string Unknown = "unknown";

    public static string Count(int value) => value.ToString("N0", Culture);

    public static string Count(double value) => Math.Round(value).ToString("N0", Culture);

    public static string Percent(double? share) => share is { } s ? s.ToString("0%", Culture) : "–";

    public static string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, Culture) : "–";

    public static string Hours(double? hours) => hours is { } h ? (h >= 100 ? h.ToString("N0", Culture) : h.ToString("0.0", Culture)) + " h" : "–";

    public static string Days(double? days) => days is { } d ? d.ToString("0.0", Culture) + " d" : "–";

    /// <summary>"16–22 Nov 2026", or across months "28 Dec 2026 – 3 Jan 2027".</summary>
    public static string Dates(IsoWeek week)
    {
        var monday = week.Monday;
        var sunday = week.Sunday;
        return monday.Month == sunday.Month
            ? string.Create(Culture, $"{monday.Day}–{sunday.Day} {sunday.ToString("MMM yyyy", Culture)}")
            : string.Create(Culture, $"{monday.ToString("d MMM", Culture)}{(monday.Year != sunday.Year ? monday.ToString(" yyyy", Culture) : "")} – {sunday.ToString("d MMM yyyy", Culture)}");
    }

    /// <summary>Names as a reader says them: "A", "A and B", "A, B and C".</summary>
    public static string List(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : string.Join(", ", names.Take(names.Count - 1)) + " and " + names[^1];

    public static string WeekWithDates(IsoWeek week) => $"{week} ({Dates(week)})";

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("d MMM yyyy HH:mm", Culture);

    /// <summary>A change against last week for a KPI tile; null when there is no last week to compare with.</summary>
    /// <param name="upIsGood">Whether a rise is good news (resolved), bad news (backlog) or neither (null: incoming).</param>
    public static KpiChange? Change(double? now, double? before, bool? upIsGood, bool percentPoints = false)
    {
        if (now is not { } n || before is not { } b)
        {
            return null;
        }

        var delta = n - b;
        var direction = Math.Abs(delta) < 1e-9 ? Trend.Flat : delta > 0 ? Trend.Up : Trend.Down;
        var sentiment = direction == Trend.Flat || upIsGood is null ? Sentiment.Neutral : (delta > 0) == upIsGood.Value ? Sentiment.Good : Sentiment.Bad;
        string text;
        if (direction == Trend.Flat)
        {
            text = "no change";
        }
        else if (percentPoints)
        {
            var points = Math.Abs(delta * 100);
            text = string.Create(Culture, $"{(delta > 0 ? "+" : "−")}{points:0} {(Math.Round(points) == 1 ? "pt" : "pts")} vs last week");
        }
        else if (Math.Abs(b) < 1e-9)
        {
            text = string.Create(Culture, $"{(delta > 0 ? "+" : "−")}{Math.Abs(delta):#,0.#} vs last week");
        }
        else
        {
            text = string.Create(Culture, $"{(delta > 0 ? "+" : "−")}{Math.Abs(delta / b):0%} vs last week");
        }

        return new KpiChange(text, direction, sentiment);
    }
}
