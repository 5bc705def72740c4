using Reports.Charts;
using Reports.Documents;
using Reports.Layout;

namespace Reports.Email;

/// <summary>The weekly report's mail: summary, key figures, the flags and their reasons, the flow chart inline.</summary>
public static class WeeklyEmail
{
    public static EmailBody Compose(WeeklyReportModel model, ReportFonts fonts, int pages)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = model.Context;
        var t = context.Words;
        var view = model.Workload;
        var title = t["Weekly.Title"];
        var subject = t.Format("Mail.Subject", title, context.Subject, t.Week(context.Week))
            + (view.FlaggedTeams > 0 ? " – " + t.Plural("Mail.Weekly.Flags", view.FlaggedTeams, view.FlaggedTeams) : "");
        var mail = new HtmlEmailWriter(t.Format("Mail.Title", title, context.Subject), context.Period, t.Language);
        if (view.Current is not { } now)
        {
            mail.Paragraph(t.Format("Common.TooFewPeople", context.Subject, context.MinimumGroupSize));
            return mail.Finish(subject);
        }

        var before = view.Trend.Count > 1 ? view.Trend[^2] : null;
        mail.Paragraph(WeeklyNarrative.Summary(t, context.Subject, now, before, view.TeamFlags, context.IsDepartment, view.UnnamedTeamFlags));
        mail.Figures(
        [
            (t["Weekly.Tile.Incoming"], t.Count(now.Incoming), t.Change(now.Incoming, before?.Incoming, null)?.Text),
            (t["Weekly.Tile.Resolved"], t.Count(now.Resolved), t.Change(now.Resolved, before?.Resolved, true)?.Text),
            (t["Mail.Weekly.Backlog"], t.Count(now.Backlog), t.Change(now.Backlog, before?.Backlog, false)?.Text),
            (t["Weekly.Tile.Sla"], t.Percent(now.SlaCompliance), t.Change(now.SlaCompliance, before?.SlaCompliance, true, percentPoints: true)?.Text),
            (t["Weekly.Tile.DaysToClear"], t.Number(now.DaysToClear), null),
        ]);
        foreach (var flag in view.TeamFlags)
        {
            mail.Box(WeeklyWorkloadReport.FlagTitle(t, flag.Team, flag.Severity), WeeklyWorkloadReport.Reasons(t, flag.Reasons), flag.Severity >= Analytics.Workload.FlagSeverity.Critical ? "#b03a2e" : "#c98a0c");
        }

        if (!context.IsDepartment && view.AgentFlags.Count > 0)
        {
            mail.Paragraph(t.Plural("Mail.Weekly.Agents", view.AgentFlags.Count, view.AgentFlags.Count));
        }

        var chart = new WeeklyFlowChartBuilder(fonts, t).Build(ChartData.Flow(view.Trend), t.Format("Chart.Flow.TitleFor", context.Subject));
        mail.Chart("flow", chart, 320, t["Mail.Weekly.ChartAlt"]);
        mail.Paragraph(t.Format(context.IsDepartment ? "Mail.Weekly.AttachedDepartment" : "Mail.Weekly.AttachedTeam", pages));
        if (!context.IsDepartment)
        {
            mail.Paragraph(t["Mail.Weekly.Personal"], muted: true);
        }

        return mail.Finish(subject);
    }
}
