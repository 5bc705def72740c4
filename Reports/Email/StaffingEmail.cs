using Analytics.Forecasting.Staffing;
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
        var t = context.Words;
        var title = t["Staffing.Title"];
        var subject = t.Format("Mail.Staffing.Subject", title, context.Subject, t.Week(context.Week));
        var mail = new HtmlEmailWriter(t.Format("Mail.Title", title, context.Subject), t.Format("Mail.Staffing.Period", model.Weeks.Count, t.Week(context.Week)), t.Language);
        if (model.Missing is not null || model.Weeks.Count == 0)
        {
            mail.Paragraph(StaffingReport.Missing(t, model));
            return mail.Finish(subject);
        }

        var weeks = model.Weeks;
        var available = StaffingView.AverageAvailable(weeks);
        var view = model.View;
        var upTo = t.Format("Mail.Staffing.UpTo", t.Count(weeks[0].VolumeUpper80));
        mail.Figures(context.IsDepartment && view.Gaps.Count > 0
            ?
            [
                (t["Mail.Staffing.NextWeek"], t.Count(weeks[0].Volume), upTo),
                (t["Staffing.Tile.Needed"], t.Number(weeks.Average(w => w.NeededFte)), null),
                (t["Staffing.Tile.Short"], view.ShortTeams.Count == 0 ? t.Count(0) : t.Number(view.ShortFte), view.ShortTeams.Count == 0 ? t["Staffing.NoTeamShort"] : string.Join(", ", view.ShortTeams.Select(x => x.Team))),
                (t["Staffing.Tile.Spare"], t.Number(view.SpareFte), t.Plural("Mail.Staffing.Teams", view.SpareTeams.Count, view.SpareTeams.Count)),
            ]
            :
            [
                (t["Mail.Staffing.NextWeek"], t.Count(weeks[0].Volume), upTo),
                (t["Staffing.Tile.Needed"], t.Number(weeks.Average(w => w.NeededFte)), null),
                (t["Staffing.Tile.Available"], available is { } a ? t.Number(a) : t.Unknown, null),
                (t["Mail.Staffing.WeeksShort"], available is null ? t.Unknown : t.Count(StaffingView.WeeksShort(weeks)), t.Format("Mail.Staffing.OfWeeks", weeks.Count)),
            ]);
        if (context.IsDepartment && view.Gaps.Count > 0)
        {
            mail.Paragraph(StaffingReport.DepartmentGaps(t, view));
        }

        if (model.Forecast is { } forecast)
        {
            mail.Paragraph(CommonSections.Accuracy(forecast, t));
        }

        if (model.Scenarios.Count > 1)
        {
            mail.Heading(t["Staffing.Options.Heading"]).List(model.Scenarios.Select(s => t.Format("Mail.Staffing.Option", StaffingReport.Scenario(t, s).Name, t.Count(s.FinalBacklog), s.Backlog.Count)));
        }

        var chart = new StaffingChartBuilder(fonts, t).Build([.. weeks.Select(w => new StaffingWeek(ChartData.Label(w.Week), w.NeededFte, w.AvailableFte))], t.Format("Chart.Staffing.TitleFor", context.Subject));
        mail.Chart("staffing", chart, 320, t["Mail.Staffing.ChartAlt"]);
        mail.Paragraph(t.Format("Mail.Staffing.Attached", pages));
        return mail.Finish(subject);
    }
}
