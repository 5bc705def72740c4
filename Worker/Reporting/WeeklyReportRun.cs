using System.Globalization;
using Analytics.Calendar;
using Reports.Documents;

namespace Worker.Reporting;

/// <summary>What one weekly run did: the reports written (or kept), the mails newly queued, the reports that failed.</summary>
public sealed record WeeklyReportRun(IReadOnlyList<RenderedReport> Reports, int Queued, IReadOnlyList<ReportFailure> Failures)
{
    public void Deconstruct(out IReadOnlyList<RenderedReport> reports, out int queued)
    {
        reports = Reports;
        queued = Queued;
    }

    /// <summary>One sentence for the job log: how many failed, which ones and why (the first few), and what went out anyway.</summary>
    public string Summary(IsoWeek week)
    {
        const int Listed = 5;
        var named = string.Join("; ", Failures.Take(Listed));
        var more = Failures.Count > Listed ? string.Create(CultureInfo.InvariantCulture, $"; and {Failures.Count - Listed} more (see the log)") : string.Empty;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Reports for {week}: {Failures.Count} of {Failures.Count + Reports.Count} could not be produced ({named}{more}); the other {Reports.Count} were written and {Queued} mails queued.");
    }
}

/// <summary>Some of a run's reports could not be produced; the others were written and queued.</summary>
public sealed class ReportsIncompleteException(string message) : Exception(message);
