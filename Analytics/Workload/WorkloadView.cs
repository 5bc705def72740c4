using Analytics.Calendar;
using Analytics.Privacy;

namespace Analytics.Workload;

/// <summary>A team's (or the department's) figures as one reader may see them: null when suppressed.</summary>
public sealed record ScopedTeamWeek(string Team, int AgentsOnStaff, WeeklyTeamMetrics? Metrics)
{
    public bool Suppressed => Metrics is null;
}

/// <summary>
/// The workload of one week as <see cref="Scope"/> may see it: what the weekly report is built from.
/// Built only by <see cref="WorkloadViewBuilder"/>, which applies the privacy policy.
/// </summary>
public sealed record WorkloadView
{
    public required ReportScope Scope { get; init; }
    public required IsoWeek Week { get; init; }

    /// <summary>The scope's own group: the department, or the team.</summary>
    public required string Subject { get; init; }

    /// <summary>The subject's weeks up to <see cref="Week"/>, oldest first; empty when suppressed.</summary>
    public required IReadOnlyList<WeeklyTeamMetrics> Trend { get; init; }

    /// <summary>In a department view every team; in a team view that team.</summary>
    public required IReadOnlyList<ScopedTeamWeek> Teams { get; init; }

    /// <summary>Per-agent figures: only in a team view (that team's agents) or an agent's own view.</summary>
    public required IReadOnlyList<WeeklyAgentMetrics> Agents { get; init; }

    public required IReadOnlyList<TeamFlag> TeamFlags { get; init; }

    public required IReadOnlyList<AgentFlag> AgentFlags { get; init; }

    /// <summary>
    /// Flagged teams this reader may not see by name (too few people): counted, so that a department report
    /// never says "no team is flagged" while the overload check flags some.
    /// </summary>
    public int UnnamedTeamFlags { get; init; }

    /// <summary>Every flagged team the view speaks of: named or not.</summary>
    public int FlaggedTeams => TeamFlags.Count + UnnamedTeamFlags;

    public WeeklyTeamMetrics? Current => Trend.Count > 0 && Trend[^1].Week == Week ? Trend[^1] : null;
}

/// <summary>Builds <see cref="WorkloadView"/>s, deciding with the <see cref="PrivacyPolicy"/> what each scope may hold.</summary>
public sealed class WorkloadViewBuilder(PrivacyPolicy policy)
{
    public WorkloadView Build(ReportScope scope, WorkloadHistory history, OverloadReport overload, IsoWeek week, int trendWeeks = 12)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(overload);
        var from = week.AddWeeks(-(trendWeeks - 1)) < history.FirstWeek ? history.FirstWeek : week.AddWeeks(-(trendWeeks - 1));
        var teams = scope is DepartmentScope ? history.TeamNames.Order(StringComparer.Ordinal).ToList() : [Team(scope)];
        var scopedTeams = teams.Select(t => Scoped(scope, history.Team(t, week) ?? Empty(t, week))).ToList();
        var visibleTeams = scopedTeams.Where(t => !t.Suppressed).Select(t => t.Team).ToHashSet(StringComparer.Ordinal);
        var subject = scope is DepartmentScope ? history.DepartmentName : Team(scope);
        var trendVisible = scope is DepartmentScope || visibleTeams.Contains(subject);

        return new WorkloadView
        {
            Scope = scope,
            Week = week,
            Subject = subject,
            Trend = trendVisible ? (scope is DepartmentScope ? [.. IsoWeek.Range(from, week).Select(history.Department).OfType<WeeklyTeamMetrics>()] : history.TeamSeries(subject, from, week)) : [],
            Teams = scopedTeams,
            Agents = [.. history.AgentWeeks.Where(a => a.Week == week && a.OnStaff && PrivacyPolicy.MayShowAgent(scope, a.Agent, a.Team)).OrderBy(a => a.Agent, StringComparer.Ordinal)],
            TeamFlags = [.. overload.Teams.Where(f => visibleTeams.Contains(f.Team))],
            UnnamedTeamFlags = scope is DepartmentScope ? overload.Teams.Count(f => !visibleTeams.Contains(f.Team)) : 0,
            AgentFlags = [.. overload.Agents.Where(f => PrivacyPolicy.MayShowAgent(scope, f.Agent, f.Team))],
        };
    }

    private ScopedTeamWeek Scoped(ReportScope scope, WeeklyTeamMetrics metrics) =>
        new(metrics.Team, metrics.AgentsOnStaff, policy.Suppresses(scope, metrics.Team, metrics.AgentsOnStaff) ? null : metrics);

    private static WeeklyTeamMetrics Empty(string team, IsoWeek week) => new() { Team = team, Week = week };

    private static string Team(ReportScope scope) => scope switch
    {
        TeamScope t => t.Team,
        AgentScope a => a.Team,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a team or agent scope."),
    };
}
