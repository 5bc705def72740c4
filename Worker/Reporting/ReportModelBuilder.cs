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
            ForecastOutlookMapper.All(weekly, week, workload.DepartmentName), weekly, staffing);
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
        var department = scope is DepartmentScope;
        var subject = department ? inputs.History.DepartmentName : scope is TeamScope t ? t.Team : ((AgentScope)scope).Team;
        var (context, quality) = await ContextAsync(inputs, scope, subject, cancellationToken);
        if (inputs.Staffing is not { } staffing || inputs.WeeklyForecast is not { } weekly)
        {
            return new StaffingReportModel(context, [], [], null, [], [], 0, quality, "No staffing forecast yet: the forecasting model has not been trained on this data. It is trained nightly.");
        }

        var sizes = inputs.TeamSizes;
        bool Visible(string team) => !inputs.Policy.Suppresses(scope, team, sizes.GetValueOrDefault(team));
        var now = inputs.History.Team(subject, inputs.Week) ?? inputs.History.Department(inputs.Week);
        if (!department && !Visible(subject))
        {
            return new StaffingReportModel(context, [], [], null, [], [], 0, quality, $"Figures for {subject} are not shown: they would describe fewer than {context.MinimumGroupSize} people.");
        }

        var teams = inputs.History.TeamNames.Order(StringComparer.Ordinal).ToList();
        var weeks = department ? staffing.Together(teams, subject) : staffing.ForTeam(subject);
        var forecast = inputs.Forecasts.GetValueOrDefault(subject) is { } outlook
            ? outlook with { History = [.. inputs.History.TeamSeries(subject, inputs.Week.AddWeeks(-(TrendWeeks - 1)), inputs.Week).Select(w => (w.Week, (double)w.Incoming))] }
            : null;
        var categories = department ? [] : Categories(weekly, subject, inputs.Week);
        var usual = Analytics.Workload.Percentile.Of([.. inputs.History.TeamSeries(subject, inputs.Week.AddWeeks(-(TrendWeeks + 8)), inputs.Week.AddWeeks(-8)).Select(w => (float)w.Backlog)], 0.5) ?? 0;
        var changeShare = inputs.Ledger.For(subject, inputs.QuarterStart, inputs.Week).Line(WorkCategory.Changes).Share;
        var shrinkage = department ? 0.3 : (double)(inputs.Teams.FirstOrDefault(x => x.Name == subject)?.Shrinkage ?? 0.3m);
        var fteHours = staffingOptions.Value.FteHours;
        var scenarios = department ? [] : StaffingScenarios.For(weeks, now?.Backlog ?? 0, usual, changeShare, fteHours, shrinkage);
        return new StaffingReportModel(
            context,
            weeks,
            department ? [.. staffing.Rows(inputs.Policy, scope, teams, sizes).Select(r => new TeamStaffing(r.Team, r.Weeks) { MergedTeams = r.MergedTeams })] : [],
            forecast,
            categories,
            scenarios,
            now?.Backlog ?? 0,
            quality,
            null);
    }

    private static IReadOnlyList<CategoryForecast> Categories(ForecastSet weekly, string team, IsoWeek week) =>
        [.. weekly.BreakdownOf(team).Select(series =>
        {
            var points = series.Points.Where(p => IsoWeek.Of(p.Date) > week).ToList();
            var next = points.FirstOrDefault();
            return new CategoryForecast(
                series.Key.Breakdown ?? "(none)",
                next?.Forecast ?? 0, next?.Lower80 ?? 0, next?.Upper80 ?? 0,
                points.Sum(p => p.Forecast), points.Sum(p => p.Lower80), points.Sum(p => p.Upper80));
        }).Where(c => c.Total > 0)];

    private async Task<(ReportContext Context, DataQualityReport Quality)> ContextAsync(ReportInputs inputs, ReportScope scope, string subject, CancellationToken cancellationToken)
    {
        var workload = workloadOptions.Value;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(workload.TimeZone);
        var from = new DateTimeOffset(inputs.Week.Monday.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(inputs.Week.Monday.ToDateTime(TimeOnly.MinValue)));
        var until = new DateTimeOffset(inputs.Week.NextMonday.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(inputs.Week.NextMonday.ToDateTime(TimeOnly.MinValue)));
        var quality = await qualityCalculator.ComputeAsync(scope is DepartmentScope ? null : subject, from, until, cancellationToken);
        var now = time.GetUtcNow();
        var context = new ReportContext(scope, subject, inputs.Week, now, quality.DataAsOf ?? now, workload.TimeZone, inputs.Policy.MinimumGroupSize);
        return (context, quality);
    }
}
