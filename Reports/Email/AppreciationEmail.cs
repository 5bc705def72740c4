using Analytics.Recognition;
using Reports.Charts;
using Reports.Documents;
using Reports.Layout;

namespace Reports.Email;

/// <summary>The appreciation summary's mail: what happened behind the scenes, the highlights, one thank-you.</summary>
public static class AppreciationEmail
{
    private const int MailHighlights = 6;

    /// <summary>
    /// The first highlight of the team and of each person in turn, then their second ones, and so on: a
    /// short list taken in order would give every line to whoever sorts first.
    /// </summary>
    private static IEnumerable<Highlight> Spread(IReadOnlyList<Highlight> highlights, int count) =>
        highlights
            .GroupBy(h => h.Agent ?? string.Empty)
            .SelectMany(g => g.Select((h, rank) => (h, rank)))
            .OrderBy(x => x.rank)
            .Select(x => x.h)
            .Take(count);

    public static EmailBody Compose(AppreciationReportModel model, ReportFonts fonts, int pages)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = model.Context;
        var t = context.Words;
        var view = model.View;
        var title = t["Appreciation.Title"];
        var subject = t.Format("Mail.Subject", title, context.Subject, t.Week(context.Week));
        var mail = new HtmlEmailWriter(t.Format("Mail.Title", title, context.Subject), context.Period, t.Language);
        if (view.WeekLedger is not { } week || view.PeriodLedger is not { } period)
        {
            mail.Paragraph(t.Format("Common.TooFewPeople", context.Subject, context.MinimumGroupSize));
            return mail.Finish(subject);
        }

        mail.Paragraph(t.Format("Mail.Appreciation.Summary", t.Week(week.From), t.Percent(week.BehindTheScenesShare), context.Subject, t.Hours(week.BehindTheScenesHours), t.Hours(week.TotalHours), t.Week(view.PeriodStart), t.Hours(period.BehindTheScenesHours)));
        var highlights = Spread(view.Highlights, MailHighlights)
            .Select(h => t.Format("Appreciation.Contribution", h.Agent ?? (context.IsDepartment ? h.Team : t["Mail.Appreciation.TheTeam"]), AppreciationReport.Say(t, h)))
            .ToList();
        if (highlights.Count > 0)
        {
            mail.Heading(t["Mail.Appreciation.Highlights"]).List(highlights);
            if (view.Highlights.Count > highlights.Count)
            {
                mail.Paragraph(t.Format("Mail.Appreciation.More", view.Highlights.Count - highlights.Count));
            }
        }

        if (view.ThankYous.Where(x => x.Quotable).OrderByDescending(x => x.GivenAt).FirstOrDefault() is { } thanks)
        {
            mail.Box(t["Mail.Appreciation.FromCustomer"], [$"“{thanks.Comment}”"], "#2e7d4f");
        }

        var chart = new InvisibleWorkChartBuilder(fonts, t).Build(ChartData.WorkShares(view.WeeklyLedgers, t), t["Chart.Work.TitleHours"]);
        mail.Chart("work-shares", chart, 340, t["Mail.Appreciation.ChartAlt"]);
        mail.Paragraph(t.Format("Mail.Appreciation.Attached", pages));
        return mail.Finish(subject);
    }
}
