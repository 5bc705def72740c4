using System.Globalization;
using Analytics.Workload;

namespace Reports.Documents;

/// <summary>The weekly report's opening paragraph, written from the figures.</summary>
internal static class WeeklyNarrative
{
    public static string Summary(string subject, WeeklyTeamMetrics now, WeeklyTeamMetrics? before, IReadOnlyList<TeamFlag> flags, bool department, int unnamedFlags = 0)
    {
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Create(c, $"{subject} received {Figures.Count(now.Incoming)} tickets in {now.Week} and resolved {Figures.Count(now.Resolved)}{(now.PassedOn > 0 ? $"; {Figures.Count(now.PassedOn)} were passed on to other teams" : "")}."),
        };

        if (before is not null)
        {
            var change = now.Backlog - before.Backlog;
            parts.Add(change == 0
                ? string.Create(c, $"The open backlog stayed at {Figures.Count(now.Backlog)} tickets")
                : string.Create(c, $"The open backlog {(change > 0 ? "grew" : "fell")} by {Figures.Count(Math.Abs(change))} to {Figures.Count(now.Backlog)} tickets"));
        }
        else
        {
            parts.Add(string.Create(c, $"The open backlog stands at {Figures.Count(now.Backlog)} tickets"));
        }

        parts[^1] += now.DaysToClear is { } days ? string.Create(c, $", enough for {days:0.0} working days at the recent pace.") : ".";
        if (now.SlaCompliance is { } sla)
        {
            parts.Add(string.Create(c, $"{Figures.Percent(sla)} of the tickets with an SLA target met it."));
        }

        if (department && flags.Count + unnamedFlags > 0)
        {
            var total = flags.Count + unnamedFlags;
            var named = flags.Count == 0 ? "" : ": " + string.Join(", ", flags.Select(f => f.Team));
            var unnamed = unnamedFlags == 0 ? "" : string.Create(c, $"{(flags.Count == 0 ? "; " : ", and ")}{unnamedFlags} smaller {(unnamedFlags == 1 ? "team" : "teams")} not named here");
            parts.Add(string.Create(c, $"{total} {(total == 1 ? "team shows" : "teams show")} signs of overload{named}{unnamed}. The reasons follow."));
        }
        else if (flags.Count > 0)
        {
            parts.Add(department
                ? string.Create(c, $"{flags.Count} {(flags.Count == 1 ? "team shows" : "teams show")} signs of overload: {string.Join(", ", flags.Select(f => f.Team))}. The reasons follow.")
                : $"The team shows signs of overload ({flags.Max(f => f.Severity).ToString().ToLowerInvariant()}); the reasons follow.");
        }
        else
        {
            parts.Add(department ? "No team shows signs of overload this week." : "The team shows no signs of overload this week.");
        }

        return string.Join(" ", parts);
    }
}
