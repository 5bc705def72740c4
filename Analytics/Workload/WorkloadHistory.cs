using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>
/// Weekly metrics for every team, the department and every agent over a window of weeks. A week before a
/// group's data starts has no metrics (<see cref="Team"/> answers null): it is "no data", not a week of zeros.
/// </summary>
public sealed class WorkloadHistory
{
    private readonly Dictionary<(string, IsoWeek), WeeklyTeamMetrics> _teams;
    private readonly Dictionary<(string, IsoWeek), WeeklyAgentMetrics> _agents;
    private readonly Dictionary<string, IsoWeek> _dataStarts;

    /// <param name="dataStarts">
    /// Per team (and the department) the first week with data, which may lie before <paramref name="firstWeek"/>;
    /// without it, each group's first week with metrics.
    /// </param>
    public WorkloadHistory(IsoWeek firstWeek, IsoWeek lastWeek, string departmentName, IReadOnlyList<WeeklyTeamMetrics> teams, IReadOnlyList<WeeklyAgentMetrics> agents, IReadOnlyDictionary<string, IsoWeek>? dataStarts = null)
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
        _dataStarts = new Dictionary<string, IsoWeek>(StringComparer.Ordinal);
        foreach (var week in teams)
        {
            if (!_dataStarts.TryGetValue(week.Team, out var start) || week.Week < start)
            {
                _dataStarts[week.Team] = week.Week;
            }
        }

        foreach (var (team, start) in dataStarts ?? new Dictionary<string, IsoWeek>())
        {
            _dataStarts[team] = _dataStarts.TryGetValue(team, out var seen) && seen < start ? seen : start;
        }
    }

    public IsoWeek FirstWeek { get; }

    public IsoWeek LastWeek { get; }

    public string DepartmentName { get; }

    /// <summary>Every team's weeks and the department's (marked <see cref="WeeklyTeamMetrics.IsDepartment"/>).</summary>
    public IReadOnlyList<WeeklyTeamMetrics> TeamWeeks { get; }

    public IReadOnlyList<WeeklyAgentMetrics> AgentWeeks { get; }

    public IEnumerable<string> TeamNames => TeamWeeks.Where(t => !t.IsDepartment).Select(t => t.Team).Distinct();

    /// <summary>How many people each team's figures describe in <paramref name="week"/>, for the privacy minimum (<see cref="WeeklyTeamMetrics.GroupSize"/>).</summary>
    public IReadOnlyDictionary<string, int> GroupSizes(IsoWeek week) =>
        TeamNames.ToDictionary(t => t, t => Team(t, week)?.GroupSize ?? 0, StringComparer.Ordinal);

    /// <summary>The first week with data for <paramref name="team"/> (or the department), possibly before <see cref="FirstWeek"/>; null when it has none.</summary>
    public IsoWeek? DataStart(string team) => _dataStarts.TryGetValue(team, out var start) ? start : null;

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
