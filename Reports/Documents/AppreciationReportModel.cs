using Analytics.Quality;
using Analytics.Recognition;

namespace Reports.Documents;

/// <summary>
/// Everything the appreciation and invisible-work summary shows, scoped by the privacy policy
/// (<see cref="AppreciationView"/> is built only by <see cref="AppreciationViewBuilder"/>).
/// </summary>
/// <param name="EstimatedMinutes">The configured minutes per item where no time was registered, printed with the rules.</param>
public sealed record AppreciationReportModel(
    ReportContext Context,
    AppreciationView View,
    DataQualityReport Quality,
    IReadOnlyDictionary<WorkCategory, double> EstimatedMinutes);
