using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Worker.Telemetry;

/// <summary>The worker's OpenTelemetry instruments: job runs and durations, rows synced, mails sent.</summary>
public sealed class WorkerMetrics : IDisposable
{
    public const string MeterName = "Analytics.Worker";

    private readonly Meter _meter;
    private readonly Counter<long> _jobRuns;
    private readonly Histogram<double> _jobDuration;
    private readonly Counter<long> _rowsRead;
    private readonly Counter<long> _rowsWritten;
    private readonly Counter<long> _rowsQuarantined;
    private readonly Counter<long> _syncFailures;
    private readonly Counter<long> _mails;

    public WorkerMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _meter = meters.Create(MeterName);
        _jobRuns = _meter.CreateCounter<long>("worker.job.runs", "{run}", "Job executions, by job and outcome.");
        _jobDuration = _meter.CreateHistogram<double>("worker.job.duration", "s", "How long job executions took.");
        _rowsRead = _meter.CreateCounter<long>("worker.sync.rows_read", "{row}", "Rows read from ticketing sources.");
        _rowsWritten = _meter.CreateCounter<long>("worker.sync.rows_written", "{row}", "Tickets inserted or changed in the store by the sync.");
        _rowsQuarantined = _meter.CreateCounter<long>("worker.sync.rows_quarantined", "{row}", "Source rows that could not be read.");
        _syncFailures = _meter.CreateCounter<long>("worker.sync.failures", "{run}", "Source syncs that failed after their retries.");
        _mails = _meter.CreateCounter<long>("worker.mail.deliveries", "{mail}", "Mail delivery attempts, by result (sent, retry, failed, unconfirmed).");
    }

    public void JobRun(string job, string outcome, TimeSpan duration)
    {
        var tags = new TagList { { "job", job }, { "outcome", outcome } };
        _jobRuns.Add(1, tags);
        _jobDuration.Record(duration.TotalSeconds, tags);
    }

    public void RowsSynced(string source, long read, long written, long quarantined, bool succeeded)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        _rowsRead.Add(read, tag);
        _rowsWritten.Add(written, tag);
        _rowsQuarantined.Add(quarantined, tag);
        if (!succeeded)
        {
            _syncFailures.Add(1, tag);
        }
    }

    public void Mail(string reportKind, string result) =>
        _mails.Add(1, new TagList { { "report", reportKind }, { "result", result } });

    public void Dispose() => _meter.Dispose();
}
