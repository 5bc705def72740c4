namespace Worker.Telemetry;

/// <summary>Where the worker's metrics and traces go. Section "Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// None (collected, exported nowhere), Console (printed every <see cref="ExportInterval"/>) or Otlp (sent to
    /// the collector the standard OTEL_EXPORTER_OTLP_* variables name; default http://localhost:4317, gRPC).
    /// Default None.
    /// </summary>
    public TelemetryExporter MetricsExporter { get; set; } = TelemetryExporter.None;

    /// <summary>None, Console or Otlp, as for metrics: spans around jobs, source syncs, report runs and mail sends. Default None.</summary>
    public TelemetryExporter TracesExporter { get; set; } = TelemetryExporter.None;

    /// <summary>How often metrics are exported (console and OTLP). Default 60 seconds.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether Quartz's own scheduler metrics are exported beside the worker's. Default: yes to OTLP, no to the
    /// console, where they made most of the lines (about 1,500 in 3.5 minutes) and hid the worker's.
    /// </summary>
    public bool? QuartzMetrics { get; set; }
}

/// <summary>Where a signal (metrics or traces) is exported.</summary>
public enum TelemetryExporter
{
    None,
    Console,
    Otlp,
}
