using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Quality;
using Analytics.Recognition;
using Analytics.Storage;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Reports.Documents;

namespace Worker.Reporting;

/// <summary>
/// Gathers a week's figures from the analytics and turns them into report models for each scope,
/// with the privacy policy applied by the view builders. The one place where reports meet the store.
/// </summary>
public sealed class ReportModelBuilder(IServiceProvider services, TimeProvider time)
{
    /// <summary>Weeks of trend the weekly report shows.</summary>
    public const int TrendWeeks = 12;

    /// <summary>Weeks the appreciation summary looks back over (a quarter).</summary>
    public const int QuarterWeeks = 13;

    public async Task<ReportInputs> LoadAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var workload = services.GetRequiredService<IOptions<WorkloadOptions>>().Value;
        var reference = services.GetRequiredService<ReferenceStore>();
        var history = await services.GetRequiredService<WorkloadCalculator>().ComputeAsync(week.AddWeeks(-(TrendWeeks + workload.BaselineWeeks)), week, cancellationToken);
        var outlook = services.GetService<ICapacityOutlook>() is { } capacity ? await capacity.GetAsync(week.Next(), 4, cancellationToken) : [];
        var overload = services.GetRequiredService<OverloadDetector>().Detect(history, week, outlook);
        var quarterStart = week.AddWeeks(-(QuarterWeeks - 1));
        var ledger = await services.GetRequiredService<WorkLedgerCalculator>().ComputeAsync(quarterStart, week, cancellationToken);
        var recognition = await services.GetRequiredService<RecognitionCalculator>().ComputeAsync(quarterStart, week, cancellationToken);
        var patterns = await services.GetRequiredService<IncomingPatternCalculator>().ComputeAsync(week.AddWeeks(-3), week, cancellationToken);
        var teams = await reference.GetTeamsAsync(cancellationToken);
        var agents = await reference.GetAgentsAsync(cancellationToken);
        var forecasts = services.GetService<IForecastOutlooks>() is { } provider ? await provider.GetAsync(week, cancellationToken) : new Dictionary<string, ForecastOutlook>();
        var policy = new PrivacyPolicy(services.GetRequiredService<IOptions<PrivacyOptions>>(), agents);
        return new ReportInputs(week, quarterStart, history, overload, ledger, recognition, patterns, teams, agents, policy, forecasts);
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
        var estimates = services.GetRequiredService<IOptions<InvisibleWorkOptions>>().Value.EstimatedMinutes;
        return new AppreciationReportModel(context, view, quality, estimates.ToDictionary(e => e.Key, e => e.Value));
    }

    private async Task<(ReportContext Context, DataQualityReport Quality)> ContextAsync(ReportInputs inputs, ReportScope scope, string subject, CancellationToken cancellationToken)
    {
        var workload = services.GetRequiredService<IOptions<WorkloadOptions>>().Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(workload.TimeZone);
        var from = new DateTimeOffset(inputs.Week.Monday.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(inputs.Week.Monday.ToDateTime(TimeOnly.MinValue)));
        var until = new DateTimeOffset(inputs.Week.NextMonday.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(inputs.Week.NextMonday.ToDateTime(TimeOnly.MinValue)));
        var quality = await services.GetRequiredService<DataQualityCalculator>().ComputeAsync(scope is DepartmentScope ? null : subject, from, until, cancellationToken);
        var now = time.GetUtcNow();
        var context = new ReportContext(scope, subject, inputs.Week, now, quality.DataAsOf ?? now, workload.TimeZone, inputs.Policy.MinimumGroupSize);
        return (context, quality);
    }
}
