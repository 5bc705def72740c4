using Analytics.Calendar;
using Analytics.Privacy;

namespace Analytics.Workload;

/// <summary>
/// A team's figures as one reader may see them: null when suppressed. In a department view the smaller teams
/// share one row (<see cref="Merged"/>): <see cref="Team"/> is then its label and the figures are the teams' together.
/// </summary>
public sealed record ScopedTeamWeek(string Team, int AgentsOnStaff, WeeklyTeamMetrics? Metrics)
{
    public bool Suppressed => Metrics is null;

    /// <summary>The teams a merged row adds up; empty for a team on its own row.</summary>
    public IReadOnlyList<string> MergedTeams { get; init; } = [];

    public bool Merged => MergedTeams.Count > 0;
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
        var metrics = teams.ToDictionary(t => t, t => history.Team(t, week) ?? Empty(t, week), StringComparer.Ordinal);
        // A flagged team's reasons print its own figures, so it is the last to be merged with a small team.
        var flagged = overload.Teams.Select(f => f.Team).ToHashSet(StringComparer.Ordinal);
        var rows = policy.TeamRows(scope, teams.Select(t => (t, metrics[t].GroupSize)), flagged);
        var scopedTeams = rows.Select(r => r.Merged
            ? new ScopedTeamWeek(r.Label, r.People, r.Shown ? Together(r.Label, week, [.. r.Teams.Select(t => metrics[t])]) : null) { MergedTeams = r.Teams }
            : new ScopedTeamWeek(r.Label, r.People, r.Shown ? metrics[r.Label] : null)).ToList();
        // Named only on a row of its own: a merged team's flag would print figures the merged row hides.
        var visibleTeams = rows.Where(r => r.Shown && !r.Merged).Select(r => r.Label).ToHashSet(StringComparer.Ordinal);
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

    /// <summary>
    /// Teams' week as one: counts added up, shares weighted by what they are shares of. Medians, percentiles and
    /// days to clear cannot be combined from the teams' own figures, so they are left unknown rather than guessed.
    /// </summary>
    private static WeeklyTeamMetrics Together(string label, IsoWeek week, IReadOnlyList<WeeklyTeamMetrics> teams)
    {
        var resolved = teams.Sum(t => t.Resolved);
        var slaMeasured = teams.Sum(t => t.SlaMeasured);
        var backlog = teams.Sum(t => t.Backlog);
        var agents = teams.Sum(t => t.AgentsOnStaff);
        var available = agents - teams.Sum(t => t.AgentsOnLeave);
        double? Weighted(Func<WeeklyTeamMetrics, double?> share, Func<WeeklyTeamMetrics, int> weight, int total) =>
            total == 0 || teams.Any(t => weight(t) > 0 && share(t) is null) ? null : teams.Where(t => weight(t) > 0).Sum(t => share(t)!.Value * weight(t)) / total;

        return new WeeklyTeamMetrics
        {
            Team = label,
            Week = week,
            Incoming = teams.Sum(t => t.Incoming),
            Resolved = resolved,
            PassedOn = teams.Sum(t => t.PassedOn),
            Backlog = backlog,
            SlaMeasured = slaMeasured,
            SlaCompliance = Weighted(t => t.SlaCompliance, t => t.SlaMeasured, slaMeasured),
            ReopenRate = Weighted(t => t.ReopenRate, t => t.Resolved, resolved),
            ReassignmentRate = Weighted(t => t.ReassignmentRate, t => t.Resolved, resolved),
            AfterHoursShare = Weighted(t => t.AfterHoursShare, t => t.Resolved, resolved),
            AgentsOnStaff = agents,
            AgentsOnLeave = agents - available,
            WipPerAgent = available > 0 ? (double)backlog / available : null,
            HoursLogged = teams.Sum(t => t.HoursLogged),
            ContractHours = teams.Any(t => t.ContractHours is null) ? null : teams.Sum(t => t.ContractHours!.Value),
        };
    }

    private static WeeklyTeamMetrics Empty(string team, IsoWeek week) => new() { Team = team, Week = week };

    private static string Team(ReportScope scope) => scope switch
    {
        TeamScope t => t.Team,
        AgentScope a => a.Team,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a team or agent scope."),
    };
}
