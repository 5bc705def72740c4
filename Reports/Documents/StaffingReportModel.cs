using Analytics.Forecasting.Staffing;
using Analytics.Quality;

namespace Reports.Documents;

/// <summary>A category's forecast: next week and the whole horizon, each with its 80% range.</summary>
public sealed record CategoryForecast(string Category, double NextWeek, double NextWeekLower80, double NextWeekUpper80, double Total, double TotalLower80, double TotalUpper80);

/// <summary>
/// A team's line in the department's staffing report; <see cref="Weeks"/> is null when the team is too small to show.
/// The smaller teams share one line (<see cref="Analytics.Forecasting.Staffing.StaffingOutlook.Rows"/>): <see cref="Team"/> is then its label.
/// </summary>
public sealed record TeamStaffing(string Team, IReadOnlyList<TeamWeekStaffing>? Weeks)
{
    /// <summary>The teams a merged line adds up; empty for a team on its own line.</summary>
    public IReadOnlyList<string> MergedTeams { get; init; } = [];
}

/// <summary>
/// The staffing forecast's content for one scope. <see cref="Weeks"/> are the subject's weeks (for
/// the department, the teams summed); no per-agent data is in it.
/// </summary>
/// <param name="Missing">Why there is no forecast, when there is none; the report then says so and little else.</param>
public sealed record StaffingReportModel(
    ReportContext Context,
    IReadOnlyList<TeamWeekStaffing> Weeks,
    IReadOnlyList<TeamStaffing> Teams,
    ForecastOutlook? Forecast,
    IReadOnlyList<CategoryForecast> Categories,
    IReadOnlyList<StaffingScenario> Scenarios,
    int CurrentBacklog,
    DataQualityReport Quality,
    string? Missing);
