using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>Weekly metrics for every team, the department and every agent over a window of weeks.</summary>
public sealed class WorkloadHistory
{
    private readonly Dictionary<(string, IsoWeek), WeeklyTeamMetrics> _teams;
    private readonly Dictionary<(string, IsoWeek), WeeklyAgentMetrics> _agents;

    public WorkloadHistory(IsoWeek firstWeek, IsoWeek lastWeek, string departmentName, IReadOnlyList<WeeklyTeamMetrics> teams, IReadOnlyList<WeeklyAgentMetrics> agents)
    {
        ArgumentNullException.ThrowIfNull(teams);
        ArgumentNullException.ThrowIfNull(agents);
        FirstWeek = firstWeek;
        LastWeek = lastWeek;
        DepartmentName = departmentName;
        TeamWeeks = teams;
        AgentWeeks = agents;
        _teams = teams.ToDictionary(t => (t.Team, t.Week));
        _agents = agents.ToDictionary(a => (a.Agent, a.Week));
    }

    public IsoWeek FirstWeek { get; }

    public IsoWeek LastWeek { get; }

    public string DepartmentName { get; }

    /// <summary>Every team's weeks and the department's (marked <see cref="WeeklyTeamMetrics.IsDepartment"/>).</summary>
    public IReadOnlyList<WeeklyTeamMetrics> TeamWeeks { get; }

    public IReadOnlyList<WeeklyAgentMetrics> AgentWeeks { get; }

    public IEnumerable<string> TeamNames => TeamWeeks.Where(t => !t.IsDepartment).Select(t => t.Team).Distinct();

    public WeeklyTeamMetrics? Team(string team, IsoWeek week) => _teams.GetValueOrDefault((team, week));

    public WeeklyTeamMetrics? Department(IsoWeek week) => _teams.GetValueOrDefault((DepartmentName, week));

    public WeeklyAgentMetrics? Agent(string agent, IsoWeek week) => _agents.GetValueOrDefault((agent, week));

    /// <summary>The team's weeks from <paramref name="from"/> to <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<WeeklyTeamMetrics> TeamSeries(string team, IsoWeek from, IsoWeek to) =>
        [.. IsoWeek.Range(from, to).Select(w => Team(team, w)).OfType<WeeklyTeamMetrics>()];

    public IReadOnlyList<WeeklyAgentMetrics> AgentsOf(string team, IsoWeek week) =>
        [.. AgentWeeks.Where(a => a.Team == team && a.Week == week).OrderBy(a => a.Agent, StringComparer.Ordinal)];

    public IReadOnlyList<WeeklyAgentMetrics> AgentSeries(string agent, IsoWeek from, IsoWeek to) =>
        [.. IsoWeek.Range(from, to).Select(w => Agent(agent, w)).OfType<WeeklyAgentMetrics>()];
}
