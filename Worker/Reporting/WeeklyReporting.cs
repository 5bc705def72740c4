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
    /// <summary>
    /// The job's run. Every report that could be produced is written and queued first; then, if any failed,
    /// the run fails with one sentence naming them, so the job log (job_runs) and the job metrics show it.
    /// </summary>
    public async Task RunAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var run = await ProduceAndQueueAsync(week, cancellationToken);
        if (run.Failures.Count > 0)
        {
            throw new ReportsIncompleteException(run.Summary(week));
        }
    }

    /// <summary>The reports, the number of mails newly queued, and the reports that could not be produced.</summary>
    public async Task<WeeklyReportRun> ProduceAndQueueAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        var produced = await production.ProduceAsync(week, options.Value.OutputFolder, cancellationToken);
        var teams = await reference.GetTeamsAsync(cancellationToken);
        var queued = 0;
        foreach (var report in produced.Reports)
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

        var run = new WeeklyReportRun(produced.Reports, queued, produced.Failures);
        if (produced.Failures.Count > 0)
        {
            Log.ReportsIncomplete(logger, week, produced.Failures.Count, produced.Failures.Count + produced.Reports.Count, string.Join("; ", produced.Failures), produced.Reports.Count, produced.Folder, queued);
        }
        else
        {
            Log.ReportsProduced(logger, week, produced.Reports.Count, produced.Folder, queued);
        }

        return run;
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
