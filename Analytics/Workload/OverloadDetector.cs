using Analytics.Calendar;
using Microsoft.Extensions.Options;

namespace Analytics.Workload;

/// <summary>
/// Flags overloaded teams and agents for a week from the weekly metrics (and the capacity outlook,
/// when forecasts exist). Every flag carries its reasons as sentences with figures.
/// </summary>
public sealed class OverloadDetector(IOptions<OverloadOptions> options, IOptions<WorkloadOptions> workload)
{
    /// <summary>
    /// The flags of <paramref name="week"/>. <paramref name="history"/> should start Workload:BaselineWeeks + 8 weeks
    /// earlier: the team rules replay those weeks to know which were overloaded and keep them out of the usual
    /// level; a shorter history gives a shorter memory, a longer one is not read.
    /// </summary>
    public OverloadReport Detect(WorkloadHistory history, IsoWeek week, IReadOnlyList<CapacityOutlook>? outlook = null)
    {
        ArgumentNullException.ThrowIfNull(history);
        var baseline = workload.Value.BaselineWeeks;
        var teamRules = new TeamOverloadRules(options.Value, baseline);
        var agentRules = new AgentOverloadRules(options.Value, baseline);
        var teamFlags = history.TeamNames.Order(StringComparer.Ordinal)
            .Select(team => teamRules.Evaluate(history, team, week, outlook ?? []))
            .OfType<TeamFlag>()
            .ToList();

        var agentFlags = new List<AgentFlag>();
        foreach (var team in history.TeamNames.Order(StringComparer.Ordinal))
        {
            var members = history.AgentsOf(team, week);
            agentFlags.AddRange(members.Select(m => agentRules.Evaluate(history, m, members)).OfType<AgentFlag>());
        }

        return new OverloadReport(week, teamFlags, agentFlags);
    }
}
