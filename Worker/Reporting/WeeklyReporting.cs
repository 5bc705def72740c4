using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reports.Documents;
using Worker.Delivery;
using Worker.Jobs;

namespace Worker.Reporting;

/// <summary>
/// The Monday job's work: every scope's reports for the week, written to the report folder and queued
/// for their readers. Team reports carry per-agent detail, so they go to the team's managers only;
/// the department's go to the department list. The outbox keys each mail, so a second run queues nothing.
/// </summary>
public sealed class WeeklyReporting(ReportProduction production, ReportRecipients recipients, Outbox outbox, Analytics.Storage.ReferenceStore reference, IOptions<ReportingOptions> options, ILogger<WeeklyReporting> logger) : IWeeklyReporting
{
    public async Task RunAsync(IsoWeek week, CancellationToken cancellationToken) => await ProduceAndQueueAsync(week, cancellationToken);

    /// <summary>The reports and the number of mails newly queued.</summary>
    public async Task<(IReadOnlyList<RenderedReport> Reports, int Queued)> ProduceAndQueueAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var reports = await production.ProduceAsync(week, options.Value.OutputFolder, cancellationToken);
        var teams = await reference.GetTeamsAsync(cancellationToken);
        var queued = 0;
        foreach (var report in reports)
        {
            var audience = AudienceOf(report);
            var readers = recipients.For(audience, teams);
            if (readers.Count == 0 && report.Kind == ReportKind.Weekly)
            {
                Log.NoRecipients(logger, week, audience.Scope);
            }

            foreach (var to in readers)
            {
                queued += await outbox.EnqueueAsync(Mail(report, audience, to), cancellationToken) ? 1 : 0;
            }
        }

        Log.ReportsProduced(logger, week, reports.Count, options.Value.OutputFolder, queued);
        return (reports, queued);
    }

    /// <summary>Per-agent detail (weekly load, named recognition) is for the team's own managers; staffing holds none.</summary>
    public static ReportAudience AudienceOf(RenderedReport report) => report.Scope switch
    {
        DepartmentScope => ReportAudience.Department,
        TeamScope team when report.Kind == ReportKind.Staffing => ReportAudience.ForTeam(team.Team),
        TeamScope team => ReportAudience.ForTeamManagers(team.Team),
        _ => throw new ArgumentOutOfRangeException(nameof(report), report.Scope, "Reports are produced for the department and for teams."),
    };

    public static OutgoingMail Mail(RenderedReport report, ReportAudience audience, string recipient)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(audience);
        return new OutgoingMail
        {
            Key = new OutboxKey(KindKey(report.Kind), report.Week.ToString(), audience.Scope, recipient),
            Subject = report.Email.Subject,
            HtmlBody = report.Email.Html,
            TextBody = report.Email.PlainText,
            InlineImages = [.. report.Email.Images.Select(i => new Delivery.InlineImage(i.ContentId, i.FileName, i.Png))],
            Attachments = [new MailAttachment(report.FileName, report.Pdf)],
        };
    }

    private static string KindKey(ReportKind kind) => kind switch
    {
        ReportKind.Weekly => "weekly-workload",
        ReportKind.Appreciation => "appreciation",
        _ => "staffing-forecast",
    };
}
