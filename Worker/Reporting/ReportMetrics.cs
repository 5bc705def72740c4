using System.Diagnostics;
using System.Diagnostics.Metrics;
using Reports.Documents;
using Worker.Telemetry;

namespace Worker.Reporting;

/// <summary>
/// Reports produced, by kind and outcome (written, kept from an earlier run, failed), on the worker's meter
/// (<see cref="WorkerMetrics.MeterName"/>, which the OpenTelemetry exporter already listens to). The meter
/// factory hands back the same meter for the same name, so this adds an instrument rather than a meter.
/// </summary>
public sealed class ReportMetrics
{
    public const string InstrumentName = "worker.reports.produced";

    private readonly Counter<long> _reports;

    public ReportMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _reports = meters.Create(WorkerMetrics.MeterName)
            .CreateCounter<long>(InstrumentName, "{report}", "Report PDFs per run, by kind and outcome (written, kept, failed).");
    }

    public void Report(ReportKind kind, string outcome) =>
        _reports.Add(1, new TagList { { "report", kind.ToString().ToLowerInvariant() }, { "outcome", outcome } });
}
