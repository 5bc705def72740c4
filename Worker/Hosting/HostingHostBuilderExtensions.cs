using Analytics.Import.Sources;
using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

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

        // First hosted service: the schema exists before the scheduler or the outbox touch it.
        builder.Services.AddHostedService<StoreMigration>();
        return builder;
    }
}
