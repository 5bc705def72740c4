using Analytics.Calendar;
using Analytics.Text;

namespace Analytics.Workload;

/// <summary>
/// The team rules: backlog growing several weeks running, days to clear far above usual or above a
/// limit, SLA compliance falling under target, and forecast work above capacity. Only weeks with data
/// count: a week before a team's data starts is neither part of a streak nor of a "usual" level.
/// </summary>
/// <remarks>
/// <para>
/// "Usual" is the median of the team's recent weeks that were <em>not</em> flagged themselves, and while
/// too few of those are left it is the level the team had before its run of flagged weeks began. A
/// median of all recent weeks would take a lasting overload for the new normal: by the sixth overloaded
/// week of twelve it is the median, and the team stops being flagged although nothing improved. The same
/// weeks of last year were the other candidate; they are not used because most histories the callers
/// read are 20 weeks long, and a year ago a team may have had another size, another tool or no data.
/// </para>
/// <para>
/// To know which weeks were flagged, the rules are replayed week by week from a fixed distance back
/// (<see cref="LookbackWeeks"/>), using only weeks from there on; so the answer for a week is the same
/// whatever longer history a caller passes in.
/// </para>
/// </remarks>
internal sealed class TeamOverloadRules(OverloadOptions options, int baselineWeeks)
{
    /// <summary>How far back the replay starts: the baseline plus 8 weeks, the history the callers compute (CLI, alerts, reports).</summary>
    private int LookbackWeeks => baselineWeeks + 8;

    public TeamFlag? Evaluate(WorkloadHistory history, string team, IsoWeek week, IReadOnlyList<CapacityOutlook> outlook)
    {
        if (history.Team(team, week) is not { } now)
        {
            return null;
        }

        var from = Max(history.FirstWeek, week.AddWeeks(-LookbackWeeks));
        var flagged = new HashSet<IsoWeek>();
        Usual? beforeRun = null;
        foreach (var past in IsoWeek.Range(from, week.Previous()))
        {
            if (history.Team(team, past) is not { } metrics)
            {
                continue;
            }

            var usualThen = UsualLevel(history, team, past, from, flagged, beforeRun);
            if (Reasons(history, team, metrics, usualThen, []).Count > 0)
            {
                flagged.Add(past);
                beforeRun ??= usualThen;
            }
            else
            {
                beforeRun = null;
            }
        }

        var reasons = Reasons(history, team, now, UsualLevel(history, team, week, from, flagged, beforeRun), outlook);
        if (reasons.Count == 0)
        {
            return null;
        }

        var severity = reasons.Count >= 3 ? FlagSeverity.Critical : reasons.Max(r => r.Severity);
        return new TeamFlag(team, week, severity, reasons);
    }

    private List<FlagReason> Reasons(WorkloadHistory history, string team, WeeklyTeamMetrics now, Usual usual, IReadOnlyList<CapacityOutlook> outlook)
    {
        var reasons = new List<FlagReason>();
        Add(reasons, BacklogGrowth(history, team, now.Week));
        Add(reasons, DaysToClear(now, usual));
        Add(reasons, Sla(now, usual));
        Add(reasons, Forecast(team, now.Week, outlook));
        return reasons;
    }

    /// <summary>
    /// The usual level for <paramref name="week"/>: the median of up to <c>baselineWeeks</c> weeks with data before it
    /// (not before <paramref name="from"/>) that were not flagged; with fewer than <see cref="OverloadOptions.BaselineMinimumWeeks"/>
    /// of those, the level before the current run of flagged weeks, or unknown.
    /// </summary>
    private Usual UsualLevel(WorkloadHistory history, string team, IsoWeek week, IsoWeek from, HashSet<IsoWeek> flagged, Usual? beforeRun)
    {
        var start = Max(from, week.AddWeeks(-baselineWeeks));
        var weeks = start < week
            ? history.TeamSeries(team, start, week.Previous()).Where(w => !flagged.Contains(w.Week)).ToList()
            : [];
        if (weeks.Count < options.BaselineMinimumWeeks)
        {
            return beforeRun ?? Usual.Unknown;
        }

        return new Usual(
            Baseline.Median(weeks.Select(b => b.DaysToClear)),
            Baseline.Median(weeks.Where(b => b.SlaMeasured >= options.SlaMinimumMeasured).Select(b => b.SlaCompliance)));
    }

    private FlagReason? BacklogGrowth(WorkloadHistory history, string team, IsoWeek week)
    {
        // The streak runs back over weeks with data only: it ends at a week that did not grow or at the
        // first week with data in the history, whichever comes first.
        var streak = 0;
        var net = 0;
        WeeklyTeamMetrics? first = null;
        for (var w = week; history.Team(team, w) is { } m && m.Incoming > m.Resolved + m.PassedOn; w = w.Previous())
        {
            streak++;
            net += m.Incoming - m.Resolved - m.PassedOn;
            first = m;
        }

        if (streak < options.GrowthWeeks || first is null)
        {
            return null;
        }

        // Where no week with data precedes the streak, the backlog it started from is the first week's end
        // less that week's growth: a streak as long as the data (or the history read) is still a streak.
        var before = history.Team(team, first.Week.Previous());
        var startBacklog = before?.Backlog ?? first.Backlog - (first.Incoming - first.Resolved - first.PassedOn);
        var end = history.Team(team, week)!.Backlog;
        var growth = end - startBacklog;
        var weeklyResolved = history.TeamSeries(team, first.Week, week).Average(m => m.Resolved);
        if (growth < options.GrowthMinimumTickets || growth < options.GrowthMinimumShare * Math.Max(1, startBacklog) || growth < options.GrowthMinimumShareOfWeek * weeklyResolved)
        {
            return null;
        }

        var doubled = startBacklog > 0 && growth >= startBacklog;
        var severity = streak >= options.GrowthWeeks + 2 || doubled ? FlagSeverity.Critical : FlagSeverity.Warning;
        var dataStart = history.DataStart(team);
        var span = before is not null
            ? Phrase.Of("Flag.Growth.Span.Running", $"for {streak} weeks running")
            : dataStart is { } s && s >= first.Week
                ? Phrase.Of("Flag.Growth.Span.SinceData", $"in each of the {streak} weeks since the data starts ({s})")
                : Phrase.Of("Flag.Growth.Span.AtLeast", $"for at least {streak} weeks running (since {first.Week} or earlier)");
        return new FlagReason("backlog-growth", severity, Phrase.Of("Flag.Growth",
            $"incoming exceeded resolved {span}: +{net} tickets (backlog {startBacklog} → {end})"));
    }

    private FlagReason? DaysToClear(WeeklyTeamMetrics now, Usual usual)
    {
        // A handful of open tickets is no overload however slowly they go: 2 tickets and one resolution
        // a month read as 40 working days to clear.
        if (now.DaysToClear is not { } days || now.Backlog < options.DaysToClearMinimumBacklog)
        {
            return null;
        }

        var overUsual = usual.DaysToClear is > 0 && days >= options.DaysToClearMinimum && days >= options.DaysToClearFactor * usual.DaysToClear.Value;
        var overLimit = days >= options.DaysToClearLimit;
        if (!overUsual && !overLimit)
        {
            return null;
        }

        var open = Phrase.Of("Flag.Days.Open", $"{now.Backlog} open");
        if (overUsual)
        {
            var u = usual.DaysToClear!.Value;
            var severity = days >= 2 * options.DaysToClearFactor * u || days >= 2 * options.DaysToClearLimit ? FlagSeverity.Critical : FlagSeverity.Warning;
            return new FlagReason("days-to-clear", severity, Phrase.Of("Flag.Days.Rose", $"days to clear the backlog rose to {days:0.0} working days (usually {u:0.0}; {open})"));
        }

        // Over the limit but not far above usual: a level, reported as one. When it is coming down, say so
        // and only ask to watch it; a fall is never the reason for a flag.
        var limit = Phrase.Of("Flag.Days.Limit", $"over the {options.DaysToClearLimit:0.#}-day limit");
        if (usual.DaysToClear is { } before && days < before)
        {
            return new FlagReason("days-to-clear", FlagSeverity.Watch, Phrase.Of("Flag.Days.Falling",
                $"days to clear the backlog is {days:0.0} working days, {limit}, though down from a usual {before:0.0} ({open})"));
        }

        var level = days >= 2 * options.DaysToClearLimit ? FlagSeverity.Critical : FlagSeverity.Warning;
        return usual.DaysToClear is { } v
            ? new FlagReason("days-to-clear", level, Phrase.Of("Flag.Days.OverLimitUsual", $"days to clear the backlog is {days:0.0} working days, {limit} (usually {v:0.0}; {open})"))
            : new FlagReason("days-to-clear", level, Phrase.Of("Flag.Days.OverLimit", $"days to clear the backlog is {days:0.0} working days, {limit} ({open})"));
    }

    private FlagReason? Sla(WeeklyTeamMetrics now, Usual usual)
    {
        if (now.SlaCompliance is not { } compliance || now.SlaMeasured < options.SlaMinimumMeasured)
        {
            return null;
        }

        if (compliance >= options.SlaTarget || (usual.Sla is { } u && compliance > u - options.SlaDrop))
        {
            return null;
        }

        var severity = compliance < options.SlaTarget - 0.15 ? FlagSeverity.Critical : FlagSeverity.Warning;
        return usual.Sla is { } v
            ? new FlagReason("sla", severity, Phrase.Of("Flag.Sla.Fell", $"SLA compliance fell to {compliance:0%} of {now.SlaMeasured} tickets (target {options.SlaTarget:0%}, usually {v:0%})"))
            : new FlagReason("sla", severity, Phrase.Of("Flag.Sla.Under", $"SLA compliance was {compliance:0%} of {now.SlaMeasured} tickets, under the target of {options.SlaTarget:0%}"));
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
        return new FlagReason("forecast-capacity", severity, Phrase.Of("Flag.Forecast",
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


    /// <summary>A team's usual days to clear and SLA compliance; null where unknown.</summary>
    private sealed record Usual(double? DaysToClear, double? Sla)
    {
        public static readonly Usual Unknown = new(null, null);
    }
}
