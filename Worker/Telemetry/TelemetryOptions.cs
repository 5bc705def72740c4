namespace Worker.Telemetry;

/// <summary>Where the worker's metrics go. Section "Telemetry".</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>None (collected, exported nowhere; a scraper or OTLP exporter can be added) or Console. Default None.</summary>
    public MetricsExporter MetricsExporter { get; set; } = MetricsExporter.None;

    /// <summary>How often the console exporter prints. Default 60 seconds.</summary>
    public TimeSpan ExportInterval { get; set; } = TimeSpan.FromSeconds(60);
}

public enum MetricsExporter
{
    None,
    Console,
}
