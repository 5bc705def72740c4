using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace Worker.Telemetry;

/// <summary>OpenTelemetry metrics for the worker's meter and Quartz's.</summary>
public static class TelemetryHostBuilderExtensions
{
    public static IHostApplicationBuilder AddWorkerTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.TryAddSingleton<WorkerMetrics>();

        TelemetryOptions telemetry;
        try
        {
            telemetry = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong type: binding the options at start reports it, naming the setting.
            telemetry = new TelemetryOptions();
        }
        builder.Services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(WorkerMetrics.MeterName, Quartz.Diagnostics.QuartzInstrumentation.MeterName);
            if (telemetry.MetricsExporter == MetricsExporter.Console)
            {
                metrics.AddConsoleExporter((_, reader) =>
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = (int)telemetry.ExportInterval.TotalMilliseconds);
            }
        });
        return builder;
    }
}
