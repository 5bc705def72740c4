using System.Globalization;
using Analytics.Calendar;

namespace Analytics.Workload;

/// <summary>
/// The team rules: backlog growing several weeks running, days to clear far above usual or above a
/// limit, SLA compliance falling under target, and forecast work above capacity.
/// </summary>
internal sealed class TeamOverloadRules(OverloadOptions options, int baselineWeeks)
{
    public TeamFlag? Evaluate(WorkloadHistory history, string team, IsoWeek week, IReadOnlyList<CapacityOutlook> outlook)
    {
        var now = history.Team(team, week);
        if (now is null)
        {
            return null;
        }

        var before = history.TeamSeries(team, Max(history.FirstWeek, week.AddWeeks(-baselineWeeks)), week.Previous());
        var reasons = new List<FlagReason>();
        Add(reasons, BacklogGrowth(history, team, week));
        Add(reasons, DaysToClear(now, before));
        Add(reasons, Sla(now, before));
        Add(reasons, Forecast(team, week, outlook));
        if (reasons.Count == 0)
        {
            return null;
        }

        var severity = reasons.Count >= 3 ? FlagSeverity.Critical : reasons.Max(r => r.Severity);
        return new TeamFlag(team, week, severity, reasons);
    }

    private FlagReason? BacklogGrowth(WorkloadHistory history, string team, IsoWeek week)
    {
        var streak = 0;
        var net = 0;
        for (var w = week; w >= history.FirstWeek && history.Team(team, w) is { } m && m.Incoming > m.Resolved + m.PassedOn; w = w.Previous())
        {
            streak++;
            net += m.Incoming - m.Resolved - m.PassedOn;
        }

        var start = week.AddWeeks(-streak);
        if (streak < options.GrowthWeeks || start < history.FirstWeek || history.Team(team, start) is not { } startWeek)
        {
            return null;
        }

        var end = history.Team(team, week)!.Backlog;
        var growth = end - startWeek.Backlog;
        var weeklyResolved = history.TeamSeries(team, start.Next(), week).Average(m => m.Resolved);
        if (growth < options.GrowthMinimumTickets || growth < options.GrowthMinimumShare * Math.Max(1, startWeek.Backlog) || growth < options.GrowthMinimumShareOfWeek * weeklyResolved)
        {
            return null;
        }

        var severity = streak >= options.GrowthWeeks + 2 || growth >= startWeek.Backlog ? FlagSeverity.Critical : FlagSeverity.Warning;
        return new FlagReason("backlog-growth", severity, Text(
            $"incoming exceeded resolved for {streak} weeks running: +{net} tickets (backlog {startWeek.Backlog} → {end})"));
    }

    private FlagReason? DaysToClear(WeeklyTeamMetrics now, IReadOnlyList<WeeklyTeamMetrics> before)
    {
        if (now.DaysToClear is not { } days)
        {
            return null;
        }

        var usual = Baseline.Median(before.Select(b => b.DaysToClear));
        var overLimit = days >= options.DaysToClearLimit;
        var overUsual = usual is > 0 && days >= options.DaysToClearMinimum && days >= options.DaysToClearFactor * usual.Value;
        if (!overLimit && !overUsual)
        {
            return null;
        }

        var severity = days >= 2 * options.DaysToClearLimit || (usual is > 0 && days >= 2 * options.DaysToClearFactor * usual.Value) ? FlagSeverity.Critical : FlagSeverity.Warning;
        var usualText = usual is { } u ? Text($" (usually {u:0.0})") : "";
        return new FlagReason("days-to-clear", severity, Text($"days to clear the backlog rose to {days:0.0} working days{usualText}"));
    }

    private FlagReason? Sla(WeeklyTeamMetrics now, IReadOnlyList<WeeklyTeamMetrics> before)
    {
        if (now.SlaCompliance is not { } compliance || now.SlaMeasured < options.SlaMinimumMeasured)
        {
            return null;
        }

        var usual = Baseline.Median(before.Where(b => b.SlaMeasured >= options.SlaMinimumMeasured).Select(b => b.SlaCompliance));
        if (compliance >= options.SlaTarget || (usual is { } u && compliance > u - options.SlaDrop))
        {
            return null;
        }

        var severity = compliance < options.SlaTarget - 0.15 ? FlagSeverity.Critical : FlagSeverity.Warning;
        var usualText = usual is { } v ? Text($", usually {v:0%}") : "";
        return new FlagReason("sla", severity, Text($"SLA compliance fell to {compliance:0%} of {now.SlaMeasured} tickets (target {options.SlaTarget:0%}{usualText})"));
    }

    private FlagReason? Forecast(string team, IsoWeek week, IReadOnlyList<CapacityOutlook> outlook)
    {
        // Weeks whose capacity is unknown (contract hours not on the roster) are no evidence either way.
        var ahead = outlook.Where(o => o.Team == team && o.Week > week && o.Week <= week.AddWeeks(options.ForecastWeeks) && o.AvailableHours is not null).ToList();
        var over = ahead.Where(o => o.NeededHours > o.AvailableHours!.Value).ToList();
        if (over.Count < options.ForecastWeeksOver)
        {
            return null;
        }

        var needed = over.Average(o => o.NeededHours);
        var available = over.Average(o => o.AvailableHours!.Value);
        var severity = needed >= 1.2 * available ? FlagSeverity.Critical : FlagSeverity.Warning;
        return new FlagReason("forecast-capacity", severity, Text(
            $"forecast work exceeds capacity in {over.Count} of the next {ahead.Count} weeks: {needed:0} h needed against {available:0} h available a week"));
    }

    private static void Add(List<FlagReason> reasons, FlagReason? reason)
    {
        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }

    private static IsoWeek Max(IsoWeek a, IsoWeek b) => a > b ? a : b;

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
