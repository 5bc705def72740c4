using Analytics.Forecasting.Staffing;
using System.Globalization;
using Reports.Charts;
using Reports.Documents;
using Reports.Layout;

namespace Reports.Email;

/// <summary>The staffing forecast's mail: needed against available staff, the gap, the options in a line each.</summary>
public static class StaffingEmail
{
    public static EmailBody Compose(StaffingReportModel model, ReportFonts fonts, int pages)
    {
        ArgumentNullException.ThrowIfNull(model);
        var context = model.Context;
        var subject = $"{StaffingReport.Title}: {context.Subject}, after {context.Week}";
        var mail = new HtmlEmailWriter($"{StaffingReport.Title}: {context.Subject}", $"The {model.Weeks.Count} weeks after {context.Week}");
        if (model.Missing is not null || model.Weeks.Count == 0)
        {
            mail.Paragraph(model.Missing ?? "No staffing forecast for this team yet.");
            return mail.Finish(subject);
        }

        var weeks = model.Weeks;
        var c = CultureInfo.InvariantCulture;
        var available = StaffingView.AverageAvailable(weeks);
        var view = model.View;
        mail.Figures(context.IsDepartment && view.Gaps.Count > 0
            ?
            [
                ("Tickets expected next week", Figures.Count(weeks[0].Volume), string.Create(c, $"up to {Figures.Count(weeks[0].VolumeUpper80)} (80%)")),
                ("FTE needed, average", Figures.Number(weeks.Average(w => w.NeededFte)), null),
                ("FTE short, average", view.ShortTeams.Count == 0 ? "0" : Figures.Number(view.ShortFte), view.ShortTeams.Count == 0 ? "no team short" : string.Join(", ", view.ShortTeams.Select(t => t.Team))),
                ("FTE to spare, average", Figures.Number(view.SpareFte), string.Create(c, $"{view.SpareTeams.Count} {(view.SpareTeams.Count == 1 ? "team" : "teams")}")),
            ]
            :
            [
                ("Tickets expected next week", Figures.Count(weeks[0].Volume), string.Create(c, $"up to {Figures.Count(weeks[0].VolumeUpper80)} (80%)")),
                ("FTE needed, average", Figures.Number(weeks.Average(w => w.NeededFte)), null),
                ("FTE available, average", available is { } a ? Figures.Number(a) : Figures.Unknown, null),
                ("Weeks short of staff", available is null ? Figures.Unknown : Figures.Count(StaffingView.WeeksShort(weeks)), string.Create(c, $"of {weeks.Count}")),
            ]);
        if (context.IsDepartment && view.Gaps.Count > 0)
        {
            mail.Paragraph(StaffingReport.DepartmentGaps(view));
        }

        if (model.Forecast is { } forecast)
        {
            mail.Paragraph(forecast.Accuracy);
        }

        if (model.Scenarios.Count > 1)
        {
            mail.Heading("Options").List(model.Scenarios.Select(s => string.Create(c, $"{s.Name}: backlog about {Figures.Count(s.FinalBacklog)} tickets after {s.Backlog.Count} weeks.")));
        }

        var chart = new StaffingChartBuilder(fonts).Build([.. weeks.Select(w => new StaffingWeek(ChartData.Label(w.Week), w.NeededFte, w.AvailableFte))], $"Needed and available FTE per week, {context.Subject}");
        mail.Chart("staffing", chart, 320, "Chart: needed and available FTE per week");
        mail.Paragraph($"The full forecast ({pages} pages) is attached as a PDF.");
        return mail.Finish(subject);
    }
}
