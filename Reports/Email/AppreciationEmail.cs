using System.Globalization;
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
        var view = model.View;
        var subject = $"{AppreciationReport.Title}: {context.Subject}, {context.Week}";
        var mail = new HtmlEmailWriter($"{AppreciationReport.Title}: {context.Subject}", context.Period);
        if (view.WeekLedger is not { } week || view.PeriodLedger is not { } period)
        {
            mail.Paragraph($"Figures for {context.Subject} are not shown: they would describe fewer than {context.MinimumGroupSize} people.");
            return mail.Finish(subject);
        }

        mail.Paragraph(string.Create(CultureInfo.InvariantCulture,
            $"In {week.From}, {Figures.Percent(week.BehindTheScenesShare)} of {context.Subject}'s work ({Figures.Hours(week.BehindTheScenesHours)} of {Figures.Hours(week.TotalHours)}) went to things users never see. Over the quarter since {view.PeriodStart} that was {Figures.Hours(period.BehindTheScenesHours)}."));
        var highlights = Spread(view.Highlights, MailHighlights).Select(h => h.Agent is null ? $"{(context.IsDepartment ? h.Team : "The team")} {h.Text}." : $"{h.Agent} {h.Text}.").ToList();
        if (highlights.Count > 0)
        {
            mail.Heading("Highlights of the quarter").List(highlights);
            if (view.Highlights.Count > highlights.Count)
            {
                mail.Paragraph(string.Create(CultureInfo.InvariantCulture, $"{view.Highlights.Count - highlights.Count} more in the attached summary."));
            }
        }

        if (view.ThankYous.Where(t => t.Quotable).OrderByDescending(t => t.GivenAt).FirstOrDefault() is { } thanks)
        {
            mail.Box("From a customer", [$"“{thanks.Comment}”"], "#2e7d4f");
        }

        var chart = new InvisibleWorkChartBuilder(fonts).Build(ChartData.WorkShares(view.WeeklyLedgers), "Share of hours by kind of work");
        mail.Chart("work-shares", chart, 340, "Chart: share of hours by kind of work, week by week");
        mail.Paragraph($"The full summary ({pages} pages) is attached as a PDF.");
        return mail.Finish(subject);
    }
}
