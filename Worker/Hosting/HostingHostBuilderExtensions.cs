using Analytics.Import.Sources;
using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Worker.Hosting;

/// <summary>The worker as an operating-system service, its store and sync settings.</summary>
public static class HostingHostBuilderExtensions
{
    /// <summary>
    /// Binds the store and sync sections, migrates the store at start, and lets the host run as a systemd unit
    /// (Type=notify, journal-friendly logs) or a Windows service; both do nothing when started from a console.
    /// </summary>
    public static IHostApplicationBuilder AddWorkerHosting(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
        builder.Services.AddOptions<SyncOptions>().BindConfiguration(SyncOptions.Section);
        builder.Services.AddSystemd();
        builder.Services.AddWindowsService(o => o.ServiceName = "analytics-worker");
        AddLogTimestamps(builder);

        // First hosted service: the schema exists before the scheduler or the outbox touch it.
        builder.Services.AddHostedService<StoreMigration>();
        return builder;
    }

    /// <summary>
    /// Console log lines carry the time (local, with its offset) unless Logging:Console:FormatterOptions:TimestampFormat
    /// sets another; JSON lines (Logging:Console:FormatterName=json) carry it as ISO 8601 UTC. The journal stamps
    /// its own lines, so the systemd formatter is left alone. The host's start and stop lines are shown although
    /// "Microsoft" is at Warning: they are how an operator sees the worker came up and went down.
    /// </summary>
    private static void AddLogTimestamps(IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.TimestampFormat ??= "yyyy-MM-dd HH:mm:ss.fff zzz ");
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            if (o.TimestampFormat is null)
            {
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            }
        });
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
    }
}
