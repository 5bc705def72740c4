using Analytics.Calendar;
using Reports.Layout;

namespace Reports.Text;

/// <summary>How figures read in this language: its separators, units, dates and "unknown".</summary>
public sealed partial class Wording
{
    /// <summary>What a figure reads when its input is not known (contract hours not on the roster): said in words, never a 0.</summary>
    public string Unknown => this["Figure.Unknown"];

    /// <summary>What a cell reads when there is nothing to show.</summary>
    public const string Dash = "–";

    public string Count(int value) => value.ToString("N0", Culture);

    public string Count(double value) => Math.Round(value).ToString("N0", Culture);

    public string Percent(double? share) => share is { } s ? s.ToString("0%", Culture) : Dash;

    public string Number(double? value, string format = "0.0") => value is { } v ? v.ToString(format, Culture) : Dash;

    public string Hours(double? hours) => hours is { } h ? Format("Figure.Hours", h >= 100 ? h.ToString("N0", Culture) : h.ToString("0.0", Culture)) : Dash;

    public string Days(double? days) => days is { } d ? Format("Figure.Days", d.ToString("0.0", Culture)) : Dash;

    /// <summary>"16–22 Nov 2026", or across months "28 Dec 2026 – 3 Jan 2027" (Dutch: "16–22 november 2026").</summary>
    public string Dates(IsoWeek week)
    {
        var monday = week.Monday;
        var sunday = week.Sunday;
        if (monday.Month == sunday.Month)
        {
            return $"{monday.Day.ToString(Culture)}–{sunday.Day.ToString(Culture)} {sunday.ToString(this["Format.MonthYear"], Culture)}";
        }

        var start = monday.ToString(monday.Year != sunday.Year ? this["Format.Date"] : this["Format.DayMonth"], Culture);
        return $"{start} – {sunday.ToString(this["Format.Date"], Culture)}";
    }

    /// <summary>"2026-W47 (16–22 Nov 2026)".</summary>
    public string WeekWithDates(IsoWeek week) => $"{Week(week)} ({Dates(week)})";

    /// <summary>Names as a reader says them: "A", "A and B", "A, B and C".</summary>
    public string List(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names) : Format("Format.List", string.Join(", ", names.Take(names.Count - 1)), names[^1]);

    public string DateTime(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(this["Format.DateTime"], Culture);

    public string Date(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(this["Format.Date"], Culture);

    public string ShortDate(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString(this["Format.DayMonth"], Culture);

    /// <summary>A change against last week for a KPI tile; null when there is no last week to compare with.</summary>
    /// <param name="upIsGood">Whether a rise is good news (resolved), bad news (backlog) or neither (null: incoming).</param>
    public KpiChange? Change(double? now, double? before, bool? upIsGood, bool percentPoints = false)
    {
        if (now is not { } n || before is not { } b)
        {
            return null;
        }

        var delta = n - b;
        var direction = Math.Abs(delta) < 1e-9 ? Trend.Flat : delta > 0 ? Trend.Up : Trend.Down;
        var sentiment = direction == Trend.Flat || upIsGood is null ? Sentiment.Neutral : (delta > 0) == upIsGood.Value ? Sentiment.Good : Sentiment.Bad;
        var sign = delta > 0 ? "+" : "−";
        string text;
        if (direction == Trend.Flat)
        {
            text = this["Change.None"];
        }
        else if (percentPoints)
        {
            var points = Math.Abs(delta * 100);
            text = Plural("Change.Points", Math.Round(points), sign + points.ToString("0", Culture));
        }
        else if (Math.Abs(b) < 1e-9)
        {
            text = Format("Change.VersusLastWeek", sign + Math.Abs(delta).ToString("#,0.#", Culture));
        }
        else
        {
            text = Format("Change.VersusLastWeek", sign + Math.Abs(delta / b).ToString("0%", Culture));
        }

        return new KpiChange(text, direction, sentiment);
    }
}
