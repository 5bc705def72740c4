using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Privacy;
using Analytics.Quality;
using Analytics.Recognition;
using Analytics.Roster;
using Analytics.Workload;
using Microsoft.Extensions.Options;
using Worker.Forecasting;
using Reports.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace Worker.Reporting;

/// <summary>
/// Gathers a week's figures from the analytics and turns them into report models for each scope,
/// with the privacy policy applied by the view builders. The one place where reports meet the store.
/// </summary>
public sealed class ReportModelBuilder(
    WorkloadCalculator workloadCalculator,
    OverloadDetector overloadDetector,
    WorkLedgerCalculator ledgerCalculator,
    RecognitionCalculator recognitionCalculator,
    IncomingPatternCalculator patternCalculator,
    DataQualityCalculator qualityCalculator,
    ForecastService forecasts,
    StaffingPlanner staffingPlanner,
    RosterReader roster,
    ReportLanguages languages,
    IOptions<WorkloadOptions> workloadOptions,
    IOptions<PrivacyOptions> privacyOptions,
    IOptions<InvisibleWorkOptions> invisibleWorkOptions,
    IOptions<StaffingOptions> staffingOptions,
    [FromKeyedServices(FiguresClock.Key)] TimeProvider time)
{
    /// <summary>Weeks of trend the weekly report shows.</summary>
    public const int TrendWeeks = 12;

    /// <summary>Weeks the appreciation summary looks back over (a quarter).</summary>
    public const int QuarterWeeks = 13;

    /// <summary>Weeks the staffing forecast looks ahead.</summary>
    public const int StaffingWeeks = 12;

    /// <summary>Weeks ahead the overload check compares forecast work with capacity.</summary>
    public const int CapacityWeeks = 4;

    public async Task<ReportInputs> LoadAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var workload = workloadOptions.Value;
        var history = await workloadCalculator.ComputeAsync(week.AddWeeks(-(TrendWeeks + workload.BaselineWeeks)), week, cancellationToken);

        // One forecast per report run: the forecast section, the staffing plan and the overload check's
        // capacity rule all read it, so "next week" is the same number wherever it is printed.
        var weekly = await forecasts.ForecastAsync(SeriesFrequency.Weekly, cancellationToken);
        var staffing = weekly is null ? null : await staffingPlanner.PlanAsync(weekly, week.Next(), StaffingWeeks, cancellationToken);
        var overload = overloadDetector.Detect(history, week, CapacityOutlookProvider.From(staffing, week.Next(), CapacityWeeks));
        var quarterStart = week.AddWeeks(-(QuarterWeeks - 1));
        var ledger = await ledgerCalculator.ComputeAsync(quarterStart, week, cancellationToken);
        var recognition = await recognitionCalculator.ComputeAsync(quarterStart, week, cancellationToken);
        var patterns = await patternCalculator.ComputeAsync(week.AddWeeks(-3), week, cancellationToken);
        // As of the reporting week's end (a day later covers every team's time zone): who was there then.
        var organisation = await roster.ReadAsync(new DateTimeOffset(week.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), cancellationToken);
        var teams = organisation.Teams;
        var agents = organisation.Agents;
        var policy = new PrivacyPolicy(privacyOptions, agents);
        return new ReportInputs(week, quarterStart, history, overload, ledger, recognition, patterns, teams, agents, policy,
            ForecastOutlookWords.All(weekly, week, workload.DepartmentName), weekly, staffing);
    }

    public async Task<WeeklyReportModel> WeeklyAsync(ReportInputs inputs, ReportScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var view = new WorkloadViewBuilder(inputs.Policy).Build(scope, inputs.History, inputs.Overload, inputs.Week, TrendWeeks);
        var (context, quality) = await ContextAsync(inputs, scope, view.Subject, cancellationToken);
        var visible = view.Current is not null;
        return new WeeklyReportModel(
            context,
            view,
            visible ? inputs.Patterns.GetValueOrDefault(view.Subject) : null,
            visible ? [.. IsoWeek.Range(inputs.Week.AddWeeks(-(TrendWeeks - 1)) < inputs.QuarterStart ? inputs.QuarterStart : inputs.Week.AddWeeks(-(TrendWeeks - 1)), inputs.Week).Select(w => inputs.Ledger.For(view.Subject, w))] : [],
            visible && inputs.Forecasts.GetValueOrDefault(view.Subject) is { } forecast
                ? forecast with { History = [.. view.Trend.Select(w => (w.Week, (double)w.Incoming))] }
                : null,
            quality);
    }

    public async Task<AppreciationReportModel> AppreciationAsync(ReportInputs inputs, ReportScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var view = new AppreciationViewBuilder(inputs.Policy).Build(scope, inputs.Ledger, inputs.Recognition, inputs.Week, inputs.TeamSizes);
        var (context, quality) = await ContextAsync(inputs, scope, view.Subject, cancellationToken);
        var estimates = invisibleWorkOptions.Value.EstimatedMinutes;
        return new AppreciationReportModel(context, view, quality, estimates.ToDictionary(e => e.Key, e => e.Value));
    }

    public async Task<StaffingReportModel> StaffingAsync(ReportInputs inputs, ReportScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var view = new StaffingViewBuilder(inputs.Policy, staffingOptions.Value)
            .Build(scope, inputs.Staffing, inputs.WeeklyForecast, inputs.History, inputs.Ledger, inputs.Teams, inputs.Week, inputs.QuarterStart);
        var (context, quality) = await ContextAsync(inputs, scope, view.Subject, cancellationToken);
        var forecast = view.Missing is null && inputs.Forecasts.GetValueOrDefault(view.Subject) is { } outlook
            ? outlook with { History = [.. inputs.History.TeamSeries(view.Subject, inputs.Week.AddWeeks(-(TrendWeeks - 1)), inputs.Week).Select(w => (w.Week, (double)w.Incoming))] }
            : null;
        return new StaffingReportModel(context, view, forecast, quality);
    }

    private async Task<(ReportContext Context, DataQualityReport Quality)> ContextAsync(ReportInputs inputs, ReportScope scope, string subject, CancellationToken cancellationToken)
    {
        var workload = workloadOptions.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(workload.TimeZone);
        var from = new DateTimeOffset(inputs.Week.Monday.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(inputs.Week.Monday.ToDateTime(TimeOnly.MinValue)));
        var until = new DateTimeOffset(inputs.Week.NextMonday.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(inputs.Week.NextMonday.ToDateTime(TimeOnly.MinValue)));
        var quality = await qualityCalculator.ComputeAsync(scope is DepartmentScope ? null : subject, from, until, cancellationToken);
        var now = time.GetUtcNow();
        var context = new ReportContext(scope, subject, inputs.Week, now, quality.DataAsOf ?? now, workload.TimeZone, inputs.Policy.MinimumGroupSize)
        {
            Language = languages.For(scope),
        };
        return (context, quality);
    }
}
