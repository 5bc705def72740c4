using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Recognition;
using Analytics.Text;
using Analytics.Tickets;
using Analytics.Workload;

namespace Analytics.Forecasting.Staffing;

/// <summary>A category's forecast: next week and the whole horizon, each with its 80% range.</summary>
public sealed record CategoryForecast(string Category, double NextWeek, double NextWeekLower80, double NextWeekUpper80, double Total, double TotalLower80, double TotalUpper80);

/// <summary>
/// A team's line in the department's staffing view; <see cref="Weeks"/> is null when the team is too small to show.
/// The smaller teams share one line (<see cref="StaffingOutlook.Rows"/>): <see cref="Team"/> is then its label.
/// </summary>
public sealed record TeamStaffing(string Team, IReadOnlyList<TeamWeekStaffing>? Weeks)
{
    /// <summary>The teams a merged line adds up; empty for a team on its own line.</summary>
    public IReadOnlyList<string> MergedTeams { get; init; } = [];
}

/// <summary>
/// What one scope's staffing forecast may show: the subject's weeks (for the department, the teams summed),
/// the department's team lines, the categories and scenarios of a team. No per-agent data is in it.
/// </summary>
/// <param name="Missing">Why there is nothing to show, when there is nothing; the report then says so and little else.</param>
public sealed record StaffingView(
    string Subject,
    IReadOnlyList<TeamWeekStaffing> Weeks,
    IReadOnlyList<TeamStaffing> Teams,
    IReadOnlyList<CategoryForecast> Categories,
    IReadOnlyList<StaffingScenario> Scenarios,
    int CurrentBacklog,
    string? Missing)
{
    public static StaffingView Nothing(string subject, Phrase why) => new(subject, [], [], [], [], 0, (why ?? throw new ArgumentNullException(nameof(why))).English) { MissingPhrase = why };

    /// <summary><see cref="Missing"/> as a phrase, which a report says in its readers' language.</summary>
    public Phrase? MissingPhrase { get; init; }

    /// <summary>The department's teams that have no forecast (too little history): named once, not given empty lines.</summary>
    public IReadOnlyList<string> WithoutForecast { get; init; } = [];

    /// <summary>
    /// The department's teams with known capacity, each with its average gap over the weeks. One team's spare
    /// hours do not staff another team's queue, so the department's short and spare teams are told apart
    /// (<see cref="ShortTeams"/>, <see cref="SpareTeams"/>) wherever they are printed, never netted.
    /// </summary>
    public IReadOnlyList<TeamGap> Gaps =>
        [.. Teams.Where(t => t.Weeks is { Count: > 0 } w && AverageAvailable(w) is not null)
            .Select(t => new TeamGap(t.Team, t.Weeks!.Average(w => w.NeededFte), AverageAvailable(t.Weeks!)!.Value, WeeksShort(t.Weeks!)))];

    /// <summary>Teams short of staff on average, most short first.</summary>
    public IReadOnlyList<TeamGap> ShortTeams => [.. Gaps.Where(g => g.Gap < -TeamGap.Tolerance).OrderBy(g => g.Gap)];

    /// <summary>Teams with staff to spare on average.</summary>
    public IReadOnlyList<TeamGap> SpareTeams => [.. Gaps.Where(g => g.Gap > TeamGap.Tolerance)];

    /// <summary>FTE the short teams lack together, on average (0 or more).</summary>
    public double ShortFte => -ShortTeams.Sum(t => t.Gap);

    /// <summary>FTE the spare teams have over together, on average (0 or more).</summary>
    public double SpareFte => SpareTeams.Sum(t => t.Gap);

    /// <summary>The average available FTE, or null (unknown) when any week's capacity is unknown.</summary>
    public static double? AverageAvailable(IReadOnlyList<TeamWeekStaffing> weeks) =>
        weeks.Count == 0 || weeks.Any(w => w.AvailableFte is null) ? null : weeks.Average(w => w.AvailableFte!.Value);

    /// <summary>Weeks short of staff by more than <see cref="TeamGap.Tolerance"/>.</summary>
    public static int WeeksShort(IReadOnlyList<TeamWeekStaffing> weeks) => weeks.Count(w => w.GapFte < -TeamGap.Tolerance);
}

/// <summary>A team's average needed and available FTE over the forecast weeks, and the weeks it is short.</summary>
public sealed record TeamGap(string Team, double NeededFte, double AvailableFte, int WeeksShort)
{
    /// <summary>A gap smaller than this (in FTE) is no gap: it is below what the figures can tell apart.</summary>
    public const double Tolerance = 0.05;

    public double Gap => AvailableFte - NeededFte;
}

/// <summary>
/// Builds <see cref="StaffingView"/>s from the one staffing outlook and forecast of a report run, deciding with
/// the <see cref="PrivacyPolicy"/> which teams each scope may show.
/// </summary>
public sealed class StaffingViewBuilder(PrivacyPolicy policy, StaffingOptions options)
{
    /// <summary>The shrinkage assumed for the department as a whole, and for a team the roster gives none.</summary>
    private const double DefaultShrinkage = 0.3;

    /// <summary>Weeks back the "usual" backlog is taken from, ending eight weeks before the report's week.</summary>
    private const int UsualBacklogWeeks = 12;

    private const int UsualBacklogLag = 8;

    public StaffingView Build(
        ReportScope scope,
        StaffingOutlook? staffing,
        ForecastSet? weekly,
        WorkloadHistory history,
        WorkLedger ledger,
        IReadOnlyList<Team> teams,
        IsoWeek week,
        IsoWeek quarterStart)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(teams);
        var department = scope is DepartmentScope;
        var subject = department ? history.DepartmentName : scope is TeamScope t ? t.Team : ((AgentScope)scope).Team;
        if (staffing is null || weekly is null)
        {
            return StaffingView.Nothing(subject, Phrase.Fixed("Staffing.Missing.NoModel", "No staffing forecast yet: the forecasting model has not been trained on this data. It is trained nightly."));
        }

        var sizes = history.GroupSizes(week);
        if (!department && policy.Suppresses(scope, subject, sizes.GetValueOrDefault(subject)))
        {
            return StaffingView.Nothing(subject, Phrase.Of("Common.TooFewPeople", $"Figures for {subject} are not shown: they would describe fewer than {policy.MinimumGroupSize} people."));
        }

        var now = history.Team(subject, week) ?? history.Department(week);
        var names = history.TeamNames.Order(StringComparer.Ordinal).ToList();
        var weeks = department ? staffing.Together(names, subject) : staffing.ForTeam(subject);
        if (department)
        {
            var rows = staffing.Rows(policy, scope, names, sizes).Select(r => new TeamStaffing(r.Team, r.Weeks) { MergedTeams = r.MergedTeams }).ToList();
            var unforecast = rows.Where(r => r.Weeks is { Count: 0 }).SelectMany(r => r.MergedTeams.Count > 0 ? r.MergedTeams : [r.Team]).Order(StringComparer.Ordinal).ToList();
            return new StaffingView(subject, weeks, [.. rows.Where(r => r.Weeks is not { Count: 0 })], [], [], now?.Backlog ?? 0, null) { WithoutForecast = unforecast };
        }

        var usual = Percentile.Of([.. history.TeamSeries(subject, week.AddWeeks(-(UsualBacklogWeeks + UsualBacklogLag)), week.AddWeeks(-UsualBacklogLag)).Select(w => (float)w.Backlog)], 0.5) ?? 0;
        var changeShare = ledger.For(subject, quarterStart, week).Line(WorkCategory.Changes).Share;
        var shrinkage = (double)(teams.FirstOrDefault(x => x.Name == subject)?.Shrinkage ?? (decimal)DefaultShrinkage);
        var scenarios = StaffingScenarios.For(weeks, now?.Backlog ?? 0, usual, changeShare, options.FteHours, shrinkage);
        return new StaffingView(subject, weeks, [], Categories(weekly, subject, week), scenarios, now?.Backlog ?? 0, null);
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
}
