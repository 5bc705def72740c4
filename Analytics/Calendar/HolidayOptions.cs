namespace Analytics.Calendar;

/// <summary>Which days count as public holidays. Section "Holidays".</summary>
public sealed class HolidayOptions
{
    public const string Section = "Holidays";

    /// <summary>
    /// Good Friday is not a general day off in the Netherlands; many organisations close anyway.
    /// Default: not a holiday.
    /// </summary>
    public bool GoodFriday { get; set; }

    /// <summary>
    /// Liberation Day (5 May) is a day off by collective agreement in many sectors only every five
    /// years (2025, 2030, ...). Default: only in those years; true makes it a holiday every year.
    /// </summary>
    public bool LiberationDayEveryYear { get; set; }

    /// <summary>Extra closed days of this organisation ("2026-12-31"), e.g. bridge days between holidays.</summary>
    public IList<DateOnly> ExtraClosedDays { get; } = [];
}
