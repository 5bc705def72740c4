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
        var view = model.Workload;
        var subject = $"{WeeklyWorkloadReport.Title}: {context.Subject}, {context.Week}" + (view.FlaggedTeams > 0 ? $" – {view.FlaggedTeams} overload {(view.FlaggedTeams == 1 ? "flag" : "flags")}" : "");
        var mail = new HtmlEmailWriter($"{WeeklyWorkloadReport.Title}: {context.Subject}", context.Period);
        if (view.Current is not { } now)
        {
            mail.Paragraph($"Figures for {context.Subject} are not shown: they would describe fewer than {context.MinimumGroupSize} people.");
            return mail.Finish(subject);
        }

        var before = view.Trend.Count > 1 ? view.Trend[^2] : null;
        mail.Paragraph(WeeklyNarrative.Summary(context.Subject, now, before, view.TeamFlags, context.IsDepartment, view.UnnamedTeamFlags));
        mail.Figures(
        [
            ("Incoming tickets", Figures.Count(now.Incoming), Figures.Change(now.Incoming, before?.Incoming, null)?.Text),
            ("Resolved tickets", Figures.Count(now.Resolved), Figures.Change(now.Resolved, before?.Resolved, true)?.Text),
            ("Open backlog", Figures.Count(now.Backlog), Figures.Change(now.Backlog, before?.Backlog, false)?.Text),
            ("Resolved within SLA", Figures.Percent(now.SlaCompliance), Figures.Change(now.SlaCompliance, before?.SlaCompliance, true, percentPoints: true)?.Text),
            ("Working days to clear the backlog", Figures.Number(now.DaysToClear), null),
        ]);
        foreach (var flag in view.TeamFlags)
        {
            mail.Box($"{flag.Team}: {flag.Severity.ToString().ToLowerInvariant()}", flag.Reasons.Select(r => WeeklyWorkloadReport.Sentence(r.Text)), flag.Severity >= Analytics.Workload.FlagSeverity.Critical ? "#b03a2e" : "#c98a0c");
        }

        if (!context.IsDepartment && view.AgentFlags.Count > 0)
        {
            mail.Paragraph($"{view.AgentFlags.Count} {(view.AgentFlags.Count == 1 ? "agent shows" : "agents show")} signs of overload; the attached report has the details.");
        }

        var chart = new WeeklyFlowChartBuilder(fonts).Build(ChartData.Flow(view.Trend), $"Incoming and resolved per week, {context.Subject}");
        mail.Chart("flow", chart, 320, "Chart: incoming and resolved tickets per week with the open backlog");
        mail.Paragraph($"The full report ({pages} pages) is attached as a PDF: service levels, {(context.IsDepartment ? "teams" : "per-agent load")}, when work arrives, the work behind the scenes, the forecast and data quality.");
        if (!context.IsDepartment)
        {
            mail.Paragraph("This report holds personal data about the team's agents and is meant for the team's manager only. Please do not forward it.", muted: true);
        }

        return mail.Finish(subject);
    }
}
