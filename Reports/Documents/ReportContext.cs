using Analytics.Calendar;
using Analytics.Privacy;
using Reports.Text;

namespace Reports.Documents;

/// <summary>The three management reports.</summary>
public enum ReportKind
{
    Weekly,
    Appreciation,
    Staffing,
}

/// <summary>Who a report is for, which week it covers, and when its data was taken.</summary>
/// <param name="Subject">The team's name, or the department's.</param>
/// <param name="DataAsOf">The newest change in the data the report rests on.</param>
/// <param name="TimeZone">IANA zone in which the report prints dates and times.</param>
public sealed record ReportContext(
    ReportScope Scope,
    string Subject,
    IsoWeek Week,
    DateTimeOffset GeneratedAt,
    DateTimeOffset DataAsOf,
    string TimeZone,
    int MinimumGroupSize)
{
    /// <summary>The readers' language ("en", "nl"): the report and its mail are written in it.</summary>
    public string Language { get; init; } = Wording.NeutralLanguage;

    /// <summary>The texts, numbers and dates of <see cref="Language"/>.</summary>
    public Wording Words => Wording.For(Language);

    public bool IsDepartment => Scope is DepartmentScope;

    /// <summary>"2026-W47 (16–22 Nov 2026)", in the readers' language.</summary>
    public string Period => Words.WeekWithDates(Week);

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
