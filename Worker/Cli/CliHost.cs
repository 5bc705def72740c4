using Analytics.Calendar;
using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worker.Hosting;
using Worker.Jobs;

namespace Worker.Cli;

/// <summary>
/// The host a one-off CLI command runs in: the worker's configuration and services, every option validated as
/// the worker validates them, the store migrated, and no hosted service started (no scheduler, no dispatcher).
/// A bad setting throws what <see cref="ConfigurationErrors"/> describes; <see cref="CommandBoundary"/> says it.
/// </summary>
public static class CliHost
{
    /// <summary>What ValidateOnStart checks when the host starts, checked without starting anything.</summary>
    public static void Validate(IServiceProvider services)
    {
        foreach (var validator in services.GetServices<IAsyncStartupValidator>())
        {
            validator.ValidateAsync(CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// What the worker checks before it starts, in the order a fix needs: the settings, then the store (opened
    /// and migrated), then the job store (connected to when <paramref name="connectJobStore"/>).
    /// </summary>
    public static void Prepare(IServiceProvider services, bool connectJobStore)
    {
        ArgumentNullException.ThrowIfNull(services);
        Validate(services);
        StorePreflight.Prepare(
            services.GetRequiredService<IOptions<StoreOptions>>().Value,
            services.GetService<IOptions<JobsOptions>>()?.Value,
            connectJobStore);
    }

    public static IHost Build(Action<IHostApplicationBuilder> compose, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Finish(WorkerHost.CreateBuilder(compose, overrides), null, connectJobStore: false);

    /// <summary>The host of the <c>jobs</c> commands, which read the job store: it is connected to before the command runs.</summary>
    public static IHost BuildWithJobStore(Action<IHostApplicationBuilder> compose) =>
        Finish(WorkerHost.CreateBuilder(compose, null), null, connectJobStore: true);

    /// <summary>
    /// The host on the clock <c>--as-of</c> asks for (now when <paramref name="asOf"/> is null); null, with a
    /// message on stderr, when the text names no moment. A date is read in the department's time zone.
    /// </summary>
    public static IHost? Build(Action<IHostApplicationBuilder> compose, string? asOf)
    {
        var builder = WorkerHost.CreateBuilder(compose, null);
        var zone = builder.Configuration["Workload:TimeZone"] ?? "Europe/Amsterdam";
        if (asOf is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            // An unknown department zone is a bad setting, which validation names; it cannot date --as-of.
            return Finish(builder, null, connectJobStore: false);
        }

        return CliAsOf.TryParse(asOf, zone, out var clock) ? Finish(builder, clock, connectJobStore: false) : null;
    }

    private static IHost Finish(HostApplicationBuilder builder, AsOfClock? clock, bool connectJobStore)
    {
        if (clock is AsOfClock asOf)
        {
            builder.Services.UseAsOf(asOf);
        }

        // A command prints its own summary; only warnings and errors are logged beside it, one line each. A
        // filter rule added after the configuration's rules wins over them.
        builder.Logging.AddFilter((string?)null, LogLevel.Warning);
        OneLineConsoleFormatter.Use(builder.Logging);

        // Quartz retries a job store it cannot reach and logs each retry; the command reports the outcome once.
        builder.Logging.AddFilter("Quartz", LogLevel.Error);
        var host = builder.Build();
        try
        {
            Prepare(host.Services, connectJobStore);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
