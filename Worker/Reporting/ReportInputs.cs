using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Privacy;
using Analytics.Recognition;
using Analytics.Tickets;
using Analytics.Workload;
using Reports.Documents;

namespace Worker.Reporting;

/// <summary>
/// Everything computed once for a reporting week and shared by every scope's reports: the history
/// with its baseline, the flags, the quarter's ledger and recognition, arrival patterns, forecasts.
/// </summary>
public sealed record ReportInputs(
    IsoWeek Week,
    IsoWeek QuarterStart,
    WorkloadHistory History,
    OverloadReport Overload,
    WorkLedger Ledger,
    RecognitionResult Recognition,
    IReadOnlyDictionary<string, IncomingPattern> Patterns,
    IReadOnlyList<Team> Teams,
    IReadOnlyList<Agent> Agents,
    PrivacyPolicy Policy,
    IReadOnlyDictionary<string, ForecastOutlook> Forecasts,
    ForecastSet? WeeklyForecast,
    StaffingOutlook? Staffing)
{
    /// <summary>The department and every team known to the store or seen in the week's data.</summary>
    public IEnumerable<ReportScope> Scopes =>
        new[] { ReportScope.Department }.Concat(History.TeamNames.Order(StringComparer.Ordinal).Select(ReportScope.ForTeam));

    public IReadOnlyDictionary<string, int> TeamSizes => History.GroupSizes(Week);
}
