using System.Globalization;
using Reports.Charts;
using Reports.Documents;
using Reports.Layout;

namespace Reports.Email;

/// <summary>The appreciation summary's mail: what happened behind the scenes, the highlights, one thank-you.</summary>
public static class AppreciationEmail
{
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
        var highlights = view.Highlights.Take(6).Select(h => h.Agent is null ? $"{(context.IsDepartment ? h.Team : "The team")} {h.Text}." : $"{h.Agent} {h.Text}.").ToList();
        if (highlights.Count > 0)
        {
            mail.Heading("Highlights").List(highlights);
        }

        if (view.ThankYous.Where(t => t.Quotable).OrderByDescending(t => t.GivenAt).FirstOrDefault() is { } thanks)
        {
            mail.Box("From a customer", [$"“{thanks.Comment}”"], "#2e7d4f");
        }

        var chart = new InvisibleWorkChartBuilder(fonts).Build(ChartData.WorkShares(view.WeeklyLedgers), "Share of hours by kind of work");
        mail.Image("work-shares", ChartRenderer.ToPng(chart, 1200, 600, 2), "Chart: share of hours by kind of work, week by week", 600);
        mail.Paragraph($"The full summary ({pages} pages) is attached as a PDF.");
        return mail.Finish(subject);
    }
}
