using System.Diagnostics.Metrics;
using Analytics.Import.Sources;
using Microsoft.Extensions.Logging;

namespace Worker.Telemetry;

/// <summary>
/// The worker's own data freshness as gauges, read from sync_state when the exporter collects: per source, the
/// age of the newest ticket change in the store (the watermark) and the time since the last successful sync.
/// An alert rule on these sees a stalled sync or a silent source without reading logs.
/// </summary>
public sealed class DataFreshness : IDisposable
{
    private readonly SyncStateStore _state;
    private readonly TimeProvider _time;
    private readonly ILogger<DataFreshness> _logger;
    private readonly Meter _meter;

    public DataFreshness(IMeterFactory meters, SyncStateStore state, TimeProvider time, ILogger<DataFreshness> logger)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _state = state;
        _time = time;
        _logger = logger;
        _meter = meters.Create(WorkerMetrics.MeterName);
        _meter.CreateObservableGauge(
            "worker.data.age",
            () => Measure(s => s.Watermark),
            "s",
            "Age of the newest ticket change synced from each source (now minus its watermark).");
        _meter.CreateObservableGauge(
            "worker.sync.since_success",
            () => Measure(s => s.LastSuccessAt),
            "s",
            "Time since each source was last synced successfully.");
    }

    private List<Measurement<double>> Measure(Func<SyncState, DateTimeOffset?> instant)
    {
        IReadOnlyList<SyncState> states;
        try
        {
            // The collector calls synchronously; sync_state has one row per source, so this is one small read.
            states = _state.GetAllAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (System.Data.Common.DbException ex)
        {
            // No measurement rather than a made-up one: a missing series is what the alert on absence sees.
            TelemetryLog.FreshnessUnread(_logger, ex.Message);
            return [];
        }

        var now = _time.GetUtcNow();
        return states
            .Where(s => instant(s) is not null)
            .Select(s => new Measurement<double>((now - instant(s)!.Value).TotalSeconds, new KeyValuePair<string, object?>("source", s.Source)))
            .ToList();
    }

    public void Dispose() => _meter.Dispose();
}
