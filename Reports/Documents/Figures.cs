using Analytics.Calendar;
using Reports.Layout;
using Reports.Text;

namespace Reports.Documents;

/// <summary>
/// Figures as English readers see them (<see cref="Wording.English"/>), for callers outside a report such as
/// the command line. Reports use their own <see cref="Wording"/>, which writes them in the readers' language.
/// </summary>
public static class Figures
{
    /// <summary>What a figure reads when its input is not known, in English.</summary>
    public const string Unknown = "unknown";

    private static Wording English => Wording.English;

    public static string Count(int value) => English.Count(value);

    public static string Count(double value) => English.Count(value);

    public static string Percent(double? share) => English.Percent(share);

    public static string Number(double? value, string format = "0.0") => English.Number(value, format);

    public static string Hours(double? hours) => English.Hours(hours);

    public static string Days(double? days) => English.Days(days);

    public static string Dates(IsoWeek week) => English.Dates(week);

    public static string List(IReadOnlyList<string> names) => English.List(names);

    public static string WeekWithDates(IsoWeek week) => English.WeekWithDates(week);

    public static string DateTime(DateTimeOffset instant, TimeZoneInfo zone) => English.DateTime(instant, zone);

    public static KpiChange? Change(double? now, double? before, bool? upIsGood, bool percentPoints = false) => English.Change(now, before, upIsGood, percentPoints);
}
