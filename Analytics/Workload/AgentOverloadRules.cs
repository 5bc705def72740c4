using Analytics.Calendar;
using Analytics.Text;

namespace Analytics.Workload;

/// <summary>
/// The agent rules, each against the agent's own usual level and their colleagues' in the same week: work
/// in progress, hours over contract, after-hours work, and tickets passed back and forth.
/// </summary>
/// <remarks>
/// A flag about a person is read as a judgement, so it must be material and persistent: a rule's
/// condition has to hold in the week itself and in at least <see cref="OverloadOptions.AgentFlaggedWeeks"/>
/// of the last <see cref="OverloadOptions.AgentRecentWeeks"/> weeks, above a minimum amount. One long
/// week, or six evening resolutions during an outage, is not a pattern. The usual level is taken from the
/// weeks before those recent weeks, so the run being judged cannot raise its own yardstick. Every reason
/// ends with why it has the severity it has.
/// </remarks>
internal sealed class AgentOverloadRules(OverloadOptions options, int baselineWeeks)
{
    public AgentFlag? Evaluate(WorkloadHistory history, WeeklyAgentMetrics now, IReadOnlyList<WeeklyAgentMetrics> team)
    {
        // Someone on leave all week is not overloaded; their tickets show in the team's figures.
        if (!now.OnStaff || now.OnLeave)
        {
            return null;
        }

        var recentFrom = now.Week.AddWeeks(-(options.AgentRecentWeeks - 1));
        var baselineFrom = recentFrom.AddWeeks(-baselineWeeks) < history.FirstWeek ? history.FirstWeek : recentFrom.AddWeeks(-baselineWeeks);

        // The weeks before someone's first activity in the history are no usual level of 0: without a roster
        // everyone counts as on staff throughout, and a newcomer's first tickets would read as many times their usual.
        var firstActive = history.AgentSeries(now.Agent, history.FirstWeek, now.Week).FirstOrDefault(Active)?.Week;
        var before = recentFrom > baselineFrom && firstActive is { } f
            ? history.AgentSeries(now.Agent, baselineFrom, recentFrom.Previous()).Where(a => a.OnStaff && !a.OnLeave && a.Week >= f).ToList()
            : [];
        if (before.Count < options.BaselineMinimumWeeks)
        {
            before = [];
        }

        var usual = new Usual(
            Baseline.Median(before.Select(b => (double?)b.WorkInProgress)),
            Baseline.Median(before.Select(b => (double?)b.HandedOn)),
            before.Sum(b => b.Resolved) is var resolved and > 0 ? (double)before.Sum(b => b.AfterHoursResolutions) / resolved : null);

        // The recent weeks with data in which the agent was on staff, each with their colleagues that week.
        var recent = IsoWeek.Range(recentFrom, now.Week.Previous())
            .Select(w => (Me: history.Agent(now.Agent, w), Colleagues: history.AgentsOf(now.Team, w)))
            .Where(x => x.Me is { OnStaff: true, OnLeave: false })
            .Select(x => new AgentWeek(x.Me!, Others(x.Colleagues, now.Agent)))
            .Append(new AgentWeek(now, Others(team, now.Agent)))
            .ToList();

        var reasons = new List<FlagReason>();
        Add(reasons, Persistent(recent, w => WorkInProgress(w, usual), WipReason));
        Add(reasons, Persistent(recent, Hours, HoursReason));
        Add(reasons, Persistent(recent, w => AfterHours(w, usual), AfterHoursReason));
        Add(reasons, Persistent(recent, w => PingPong(w, usual), PingPongReason));
        return reasons.Count == 0 ? null : new AgentFlag(now.Agent, now.Team, now.Week, reasons.Max(r => r.Severity), reasons);
    }

    /// <summary>The rule's reason when its condition holds this week and in enough of the recent weeks; null otherwise.</summary>
    private FlagReason? Persistent<T>(List<AgentWeek> weeks, Func<AgentWeek, T?> condition, Func<T, int, FlagReason> reason)
        where T : class
    {
        if (condition(weeks[^1]) is not { } now)
        {
            return null;
        }

        var hits = weeks.Count(w => condition(w) is not null);
        return hits < options.AgentFlaggedWeeks ? null : reason(now, hits);
    }

    private Wip? WorkInProgress(AgentWeek w, Usual usual)
    {
        var wip = w.Me.WorkInProgress;

        // Among the colleagues who hold tickets at all: occasional helpers who hold none would make the
        // median 0 and anyone with a queue "many times the team".
        var teamMedian = Baseline.Median(w.Colleagues.Where(c => c.WorkInProgress > 0).Select(c => (double?)c.WorkInProgress));

        // Against the agent's own usual level; only someone without one (new, or no weeks before) against the team.
        var yardstick = usual.Wip ?? teamMedian;
        if (wip < options.AgentWipMinimum || yardstick is not { } y || wip < options.AgentWipFactor * Math.Max(y, 1))
        {
            return null;
        }

        return new Wip(wip, usual.Wip, teamMedian);
    }

    private FlagReason WipReason(Wip w, int hits)
    {
        // Critical only when the load is both lasting and clearly more than the colleagues carry: when the
        // whole team is swamped, the team flag says so, and every member marked critical says nothing.
        var aboveTeam = w.TeamMedian is { } t && w.Open >= options.AgentWipFactor * Math.Max(t, 1);
        var unlikeTeam = w.TeamMedian is not { } median || w.Open >= options.AgentWipFactor * Math.Max(median, 1);
        var critical = hits == options.AgentRecentWeeks && aboveTeam;
        var why = critical
            ? Phrase.Of("Flag.Agent.Wip.WhyCritical", $"high in all of the last {hits} weeks and {w.Open / Math.Max(w.TeamMedian!.Value, 1):0.0}× the team median, so critical")
            : unlikeTeam
                ? Phrase.Of("Flag.Agent.Wip.WhyWarning", $"high {InWeeks(hits)}, so a warning")
                : Phrase.Of("Flag.Agent.Wip.WhyWarningTeam", $"high {InWeeks(hits)} but so is the team's, so a warning");
        var usualText = w.Usual is { } u ? Phrase.Of("Flag.Agent.Usual", $"usually {u:0}") : Phrase.Fixed("Flag.Agent.NoUsual", "no usual level yet");
        var teamText = w.TeamMedian is { } m ? Phrase.Of("Flag.Agent.TeamMedian", $"; team median {m:0}") : Empty;
        return new FlagReason("agent-wip", critical ? FlagSeverity.Critical : FlagSeverity.Warning, Phrase.Of("Flag.Agent.Wip",
            $"holds {w.Open} open tickets ({usualText}{teamText}); {why}"));
    }

    private Over? Hours(AgentWeek w)
    {
        // Unknown contract hours are no yardstick: no flag rather than one measured against 0.
        if (w.Me.ContractHours is not { } contract || contract <= 0
            || w.Me.HoursLogged < options.HoursOverContract * contract || w.Me.HoursLogged - contract < options.AgentHoursMinimumExtra)
        {
            return null;
        }

        var teamRatio = Baseline.Median(w.Colleagues.Where(c => c.ContractHours is > 0).Select(c => (double?)(c.HoursLogged / c.ContractHours!.Value)));
        return new Over(w.Me.HoursLogged, contract, teamRatio);
    }

    private FlagReason HoursReason(Over o, int hits)
    {
        // As with work in progress: critical when lasting and clearly beyond what the colleagues work (by the
        // same margin the contract allows), not for every member of a team that is in overtime together.
        var ratio = o.Hours / o.Contract;
        var aboveTeam = o.TeamRatio is not { } t || ratio >= t + (options.HoursOverContract - 1);
        var critical = hits == options.AgentRecentWeeks && aboveTeam;
        var teamText = o.TeamRatio is { } m ? Phrase.Of("Flag.Agent.Colleagues", $"; colleagues {m:0%}") : Empty;
        var why = critical
            ? o.TeamRatio is null
                ? Phrase.Of("Flag.Agent.Hours.WhyCritical", $"over in all of the last {hits} weeks, so critical")
                : Phrase.Of("Flag.Agent.Hours.WhyCriticalTeam", $"over in all of the last {hits} weeks and more than the colleagues, so critical")
            : aboveTeam
                ? Phrase.Of("Flag.Agent.Hours.WhyWarning", $"over {InWeeks(hits)}, so a warning")
                : Phrase.Of("Flag.Agent.Hours.WhyWarningTeam", $"over {InWeeks(hits)} but so are the colleagues, so a warning");
        return new FlagReason("agent-hours", critical ? FlagSeverity.Critical : FlagSeverity.Warning, Phrase.Of("Flag.Agent.Hours",
            $"registered {o.Hours:0.0} h against {o.Contract:0.#} contract hours ({ratio:0%}{teamText}); {why}"));
    }

    private Evening? AfterHours(AgentWeek w, Usual usual)
    {
        if (w.Me.AfterHoursShare is not { } share || w.Me.AfterHoursResolutions < options.AfterHoursMinimumCount || share < options.AfterHoursMinimumShare)
        {
            return null;
        }

        // Above their own usual share and above the colleagues' share the same week: an outage that sends the
        // whole team out in the evening is the team's story, and someone who always works evenings is on a rota.
        var resolved = w.Colleagues.Sum(c => c.Resolved);
        var teamShare = resolved == 0 ? (double?)null : (double)w.Colleagues.Sum(c => c.AfterHoursResolutions) / resolved;
        if ((usual.AfterHoursShare is { } u && share < options.AfterHoursFactor * u) || (teamShare is { } t && share < options.AfterHoursFactor * t))
        {
            return null;
        }

        return new Evening(w.Me.AfterHoursResolutions, share, usual.AfterHoursShare, teamShare);
    }

    private FlagReason AfterHoursReason(Evening e, int hits)
    {
        var critical = hits == options.AgentRecentWeeks && e.Count >= 2 * options.AfterHoursMinimumCount;
        var why = critical
            ? Phrase.Of("Flag.Agent.AfterHours.WhyCritical", $"in all of the last {hits} weeks, so critical")
            : Phrase.Of("Flag.Agent.AfterHours.WhyWarning", $"{InWeeks(hits)}, so a warning");
        var usualText = e.Usual is { } u ? Phrase.Of("Flag.Agent.UsualShare", $"usually {u:0%}") : Phrase.Fixed("Flag.Agent.NoUsualShare", "no usual share yet");
        var teamText = e.Team is { } t ? Phrase.Of("Flag.Agent.Colleagues", $"; colleagues {t:0%}") : Empty;
        return new FlagReason("agent-after-hours", critical ? FlagSeverity.Critical : FlagSeverity.Warning, Phrase.Of("Flag.Agent.AfterHours",
            $"resolved {e.Count} tickets outside working hours ({e.Share:0%} of their resolutions; {usualText}{teamText}); {why}"));
    }

    private Passed? PingPong(AgentWeek w, Usual usual)
    {
        var teamMedian = Baseline.Median(w.Colleagues.Select(c => (double?)c.HandedOn)) ?? 0;
        var own = usual.HandedOn ?? 0;
        if (w.Me.HandedOn < options.PingPongMinimum || w.Me.HandedOn < options.PingPongFactor * Math.Max(1, Math.Max(own, teamMedian)))
        {
            return null;
        }

        return new Passed(w.Me.HandedOn, w.Me.Bounced, own, teamMedian);
    }

    private FlagReason PingPongReason(Passed p, int hits)
    {
        // Passing tickets on is first a sign of unclear routing, so at most a warning.
        var warning = hits == options.AgentRecentWeeks || p.Bounced >= 3;
        var why = warning
            ? p.Bounced >= 3
                ? Phrase.Of("Flag.Agent.PingPong.WhyWarningBack", $"{InWeeks(hits)}, with tickets coming back, so a warning")
                : Phrase.Of("Flag.Agent.PingPong.WhyWarning", $"{InWeeks(hits)}, so a warning")
            : Phrase.Of("Flag.Agent.PingPong.WhyWatch", $"{InWeeks(hits)}, so worth watching");
        var bounced = p.Bounced > 0 ? Phrase.Of("Flag.Agent.PingPong.Back", $"; {p.Bounced} came back after being passed on") : Empty;
        return new FlagReason("agent-ping-pong", warning ? FlagSeverity.Warning : FlagSeverity.Watch, Phrase.Of("Flag.Agent.PingPong",
            $"passed on {p.HandedOn} tickets (usually {p.Usual:0}; team median {p.TeamMedian:0}){bounced}; {why}"));
    }

    private Phrase InWeeks(int hits) => hits == options.AgentRecentWeeks
        ? Phrase.Of("Flag.Agent.InEachWeek", $"in each of the last {hits} weeks")
        : Phrase.Of("Flag.Agent.InSomeWeeks", $"in {hits} of the last {options.AgentRecentWeeks} weeks");

    /// <summary>A part of a sentence that is left out.</summary>
    private static readonly Phrase Empty = Phrase.Fixed("Text.Empty", "");

    private static bool Active(WeeklyAgentMetrics a) => a.WorkInProgress > 0 || a.Resolved > 0 || a.HandedOn > 0 || a.HoursLogged > 0;

    private static List<WeeklyAgentMetrics> Others(IReadOnlyList<WeeklyAgentMetrics> team, string agent) =>
        [.. team.Where(a => a.OnStaff && !a.OnLeave && !string.Equals(a.Agent, agent, StringComparison.Ordinal))];

    private static void Add(List<FlagReason> reasons, FlagReason? reason)
    {
        if (reason is not null)
        {
            reasons.Add(reason);
        }
    }


    private sealed record AgentWeek(WeeklyAgentMetrics Me, List<WeeklyAgentMetrics> Colleagues);

    private sealed record Usual(double? Wip, double? HandedOn, double? AfterHoursShare);

    private sealed record Wip(int Open, double? Usual, double? TeamMedian);

    private sealed record Over(double Hours, double Contract, double? TeamRatio);

    private sealed record Evening(int Count, double Share, double? Usual, double? Team);

    private sealed record Passed(int HandedOn, int Bounced, double Usual, double TeamMedian);
}
