using System.Globalization;
using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>
/// The agent rules, each against the agent's own usual level and their team's this week: work in
/// progress, hours over contract, after-hours work, and tickets passed back and forth.
/// </summary>
internal sealed class AgentOverloadRules(OverloadOptions options, int baselineWeeks)
{
    public AgentFlag? Evaluate(WorkloadHistory history, WeeklyAgentMetrics now, IReadOnlyList<WeeklyAgentMetrics> team)
    {
        if (!now.OnStaff)
        {
            return null;
        }

        var from = now.Week.AddWeeks(-baselineWeeks) < history.FirstWeek ? history.FirstWeek : now.Week.AddWeeks(-baselineWeeks);
        var before = history.AgentSeries(now.Agent, from, now.Week.Previous()).Where(a => a.OnStaff).ToList();
        var colleagues = team.Where(a => a.OnStaff).ToList();
        var reasons = new List<FlagReason>();
        Add(reasons, WorkInProgress(now, before, colleagues));
        Add(reasons, Hours(now, before));
        Add(reasons, AfterHours(now, before));
        Add(reasons, PingPong(now, before, colleagues));
        return reasons.Count == 0 ? null : new AgentFlag(now.Agent, now.Team, now.Week, reasons.Count >= 3 ? FlagSeverity.Critical : reasons.Max(r => r.Severity), reasons);
    }

    private FlagReason? WorkInProgress(WeeklyAgentMetrics now, List<WeeklyAgentMetrics> before, List<WeeklyAgentMetrics> colleagues)
    {
        var usual = Baseline.Median(before.Select(b => (double?)b.WorkInProgress));
        var teamMedian = Baseline.Median(colleagues.Select(c => (double?)c.WorkInProgress));
        var aboveUsual = usual is { } u && now.WorkInProgress >= options.AgentWipFactor * Math.Max(u, 1);
        var aboveTeam = teamMedian is { } t && now.WorkInProgress >= options.AgentWipFactor * Math.Max(t, 1);
        if (now.WorkInProgress < options.AgentWipMinimum || (!aboveUsual && !aboveTeam))
        {
            return null;
        }

        var severity = usual is { } v && now.WorkInProgress >= 3 * Math.Max(v, 1) ? FlagSeverity.Critical : FlagSeverity.Warning;
        return new FlagReason("agent-wip", severity, Text(
            $"holds {now.WorkInProgress} open tickets (usually {usual ?? 0:0}; team median {teamMedian ?? 0:0})"));
    }

    private FlagReason? Hours(WeeklyAgentMetrics now, List<WeeklyAgentMetrics> before)
    {
        // Unknown contract hours are no yardstick: no flag rather than one measured against 0.
        if (now.ContractHours is not { } contract || contract <= 0 || now.HoursLogged < options.HoursOverContract * contract)
        {
            return null;
        }

        // One long week happens; three in a row is a pattern.
        var recentOver = before.TakeLast(2).Count(b => b.ContractHours is { } c && c > 0 && b.HoursLogged >= options.HoursOverContract * c);
        var severity = recentOver == 2 ? FlagSeverity.Critical : recentOver == 1 ? FlagSeverity.Warning : FlagSeverity.Watch;
        return new FlagReason("agent-hours", severity, Text(
            $"registered {now.HoursLogged:0.0} h against {contract:0.#} contract hours ({now.HoursLogged / contract:0%}){(recentOver > 0 ? $", also over in {recentOver} of the 2 weeks before" : "")}"));
    }

    private FlagReason? AfterHours(WeeklyAgentMetrics now, List<WeeklyAgentMetrics> before)
    {
        if (now.AfterHoursShare is not { } share || now.AfterHoursResolutions < options.AfterHoursMinimumCount || share < options.AfterHoursMinimumShare)
        {
            return null;
        }

        var resolved = before.Sum(b => b.Resolved);
        var usual = resolved == 0 ? (double?)null : (double)before.Sum(b => b.AfterHoursResolutions) / resolved;
        if (usual is { } u && share < options.AfterHoursFactor * u)
        {
            return null;
        }

        return new FlagReason("agent-after-hours", share >= 0.3 ? FlagSeverity.Critical : FlagSeverity.Warning, Text(
            $"resolved {now.AfterHoursResolutions} tickets outside working hours ({share:0%} of their resolutions; usually {usual ?? 0:0%})"));
    }

    private FlagReason? PingPong(WeeklyAgentMetrics now, List<WeeklyAgentMetrics> before, List<WeeklyAgentMetrics> colleagues)
    {
        var usual = Baseline.Median(before.Select(b => (double?)b.HandedOn)) ?? 0;
        var teamMedian = Baseline.Median(colleagues.Select(c => (double?)c.HandedOn)) ?? 0;
        if (now.HandedOn < options.PingPongMinimum || now.HandedOn < options.PingPongFactor * Math.Max(1, Math.Max(usual, teamMedian)))
        {
            return null;
        }

        var bounced = now.Bounced > 0 ? Text($"; {now.Bounced} came back after being passed on") : "";
        return new FlagReason("agent-ping-pong", now.Bounced >= 3 ? FlagSeverity.Critical : FlagSeverity.Watch, Text(
            $"passed on {now.HandedOn} tickets (usually {usual:0}; team median {teamMedian:0}){bounced}"));
    }

    private static void Add(List<FlagReason> reasons, FlagReason? reason)
    {
        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
