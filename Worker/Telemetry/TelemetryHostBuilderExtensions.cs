using Analytics.Import.Sources;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Quartz.Diagnostics;

namespace Worker.Telemetry;

/// <summary>OpenTelemetry metrics and traces for the worker, its syncs and Quartz, exported as Telemetry says.</summary>
public static class TelemetryHostBuilderExtensions
{
    public static IHostApplicationBuilder AddWorkerTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        builder.Services.TryAddSingleton<WorkerMetrics>();
        builder.Services.TryAddSingleton<DataFreshness>();

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

        var interval = (int)Math.Clamp(telemetry.ExportInterval.TotalMilliseconds, 100, int.MaxValue);
        var otel = builder.Services.AddOpenTelemetry();
        otel.WithMetrics(metrics =>
        {
            metrics.AddMeter(WorkerMetrics.MeterName);
            if (telemetry.QuartzMetrics ?? telemetry.MetricsExporter == TelemetryExporter.Otlp)
            {
                metrics.AddMeter(QuartzInstrumentation.MeterName);
            }

            switch (telemetry.MetricsExporter)
            {
                case TelemetryExporter.Console:
                    metrics.AddConsoleExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval);
                    break;
                case TelemetryExporter.Otlp:
                    // Endpoint, protocol, headers and timeout come from OTEL_EXPORTER_OTLP_* (environment or settings).
                    metrics.AddOtlpExporter((_, reader) => reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval);
                    break;
            }
        });

        if (telemetry.TracesExporter != TelemetryExporter.None)
        {
            otel.WithTracing(tracing =>
            {
                tracing.AddSource(WorkerActivities.SourceName, TicketSync.ActivitySourceName, QuartzInstrumentation.ActivitySourceName);
                if (telemetry.TracesExporter == TelemetryExporter.Console)
                {
                    tracing.AddConsoleExporter();
                }
                else
                {
                    tracing.AddOtlpExporter();
                }
            });
        }

        if (telemetry.MetricsExporter != TelemetryExporter.None)
        {
            // Observable gauges exist once their meter is created: create it with the host, not on first use.
            builder.Services.AddHostedService<DataFreshnessStart>();
        }

        return builder;
    }
}

/// <summary>Creates the freshness gauges when the worker starts, so the first export already carries them.</summary>
internal sealed class DataFreshnessStart(DataFreshness freshness) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        GC.KeepAlive(freshness);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
