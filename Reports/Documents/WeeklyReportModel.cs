using Analytics.Quality;
using Analytics.Recognition;
using Analytics.Workload;

namespace Reports.Documents;

/// <summary>
/// Everything the weekly workload report shows, already scoped by the privacy policy
/// (<see cref="WorkloadView"/> is built only by <see cref="WorkloadViewBuilder"/>).
/// </summary>
/// <param name="Incoming">When the last weeks' tickets arrived, for the heat map; null when not computed.</param>
/// <param name="BehindTheScenes">The subject's work by category, week by week, for the invisible-work chart.</param>
/// <param name="Forecast">The coming weeks; null when no forecast model exists yet.</param>
public sealed record WeeklyReportModel(
    ReportContext Context,
    WorkloadView Workload,
    IncomingPattern? Incoming,
    IReadOnlyList<TeamLedger> BehindTheScenes,
    ForecastOutlook? Forecast,
    DataQualityReport Quality);
