using Analytics.Forecasting.Staffing;
using Analytics.Quality;

namespace Reports.Documents;

/// <summary>
/// The staffing forecast's content for one scope: the <see cref="StaffingView"/> the analytics built for it
/// (no per-agent data is in it), the forecast chart's outlook and the data quality.
/// </summary>
public sealed record StaffingReportModel(ReportContext Context, StaffingView View, ForecastOutlook? Forecast, DataQualityReport Quality)
{
    /// <summary>The subject's weeks; for the department, the teams summed.</summary>
    public IReadOnlyList<TeamWeekStaffing> Weeks => View.Weeks;

    public IReadOnlyList<TeamStaffing> Teams => View.Teams;

    public IReadOnlyList<CategoryForecast> Categories => View.Categories;

    public IReadOnlyList<StaffingScenario> Scenarios => View.Scenarios;

    public int CurrentBacklog => View.CurrentBacklog;

    /// <summary>Why there is no forecast, when there is none; the report then says so and little else.</summary>
    public string? Missing => View.Missing;
}
