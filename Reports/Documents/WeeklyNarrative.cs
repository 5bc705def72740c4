using Analytics.Workload;
using Reports.Text;

namespace Reports.Documents;

/// <summary>The weekly report's opening paragraph, written from the figures.</summary>
internal static class WeeklyNarrative
{
    public static string Summary(Wording t, string subject, WeeklyTeamMetrics now, WeeklyTeamMetrics? before, IReadOnlyList<TeamFlag> flags, bool department, int unnamedFlags = 0)
    {
        var parts = new List<string>
        {
            now.PassedOn > 0
                ? t.Format("Narrative.ReceivedPassedOn", subject, t.Count(now.Incoming), t.Week(now.Week), t.Count(now.Resolved), t.Count(now.PassedOn))
                : t.Format("Narrative.Received", subject, t.Count(now.Incoming), t.Week(now.Week), t.Count(now.Resolved)),
        };

        string backlog;
        if (before is not null)
        {
            var change = now.Backlog - before.Backlog;
            backlog = change == 0
                ? t.Format("Narrative.BacklogStayed", t.Count(now.Backlog))
                : t.Format(change > 0 ? "Narrative.BacklogGrew" : "Narrative.BacklogFell", t.Count(Math.Abs(change)), t.Count(now.Backlog));
        }
        else
        {
            backlog = t.Format("Narrative.BacklogStands", t.Count(now.Backlog));
        }

        parts.Add(now.DaysToClear is { } days ? t.Format("Narrative.BacklogDays", backlog, t.Number(days)) : backlog + ".");
        if (now.SlaCompliance is { } sla)
        {
            parts.Add(t.Format("Narrative.Sla", t.Percent(sla)));
        }

        if (department && flags.Count + unnamedFlags > 0)
        {
            var total = flags.Count + unnamedFlags;
            var named = flags.Count == 0 ? "" : ": " + string.Join(", ", flags.Select(f => f.Team));
            var unnamed = unnamedFlags == 0 ? "" : t.Plural(flags.Count == 0 ? "Narrative.UnnamedAlone" : "Narrative.UnnamedAlso", unnamedFlags, unnamedFlags);
            parts.Add(t.Plural("Narrative.TeamsFlagged", total, total, named + unnamed));
        }
        else if (flags.Count > 0)
        {
            parts.Add(department
                ? t.Plural("Narrative.TeamsFlagged", flags.Count, flags.Count, ": " + string.Join(", ", flags.Select(f => f.Team)))
                : t.Format("Narrative.TeamFlagged", t["Severity." + flags.Max(f => f.Severity)]));
        }
        else
        {
            parts.Add(department ? t["Narrative.NoTeamFlagged"] : t["Narrative.TeamNotFlagged"]);
        }

        return string.Join(" ", parts);
    }
}
