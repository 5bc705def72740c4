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

    public static IHost Build(Action<IHostApplicationBuilder> compose, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Finish(WorkerHost.CreateBuilder(compose, overrides), null);

    /// <summary>
    /// The host on the clock <c>--as-of</c> asks for (now when <paramref name="asOf"/> is null); null, with a
    /// message on stderr, when the text names no moment. A date is read in the department's time zone.
    /// </summary>
    public static IHost? Build(Action<IHostApplicationBuilder> compose, string? asOf)
    {
        var builder = WorkerHost.CreateBuilder(compose, null);
        var zone = builder.Configuration["Workload:TimeZone"] ?? "Europe/Amsterdam";
        return CliAsOf.TryParse(asOf, zone, out var clock) ? Finish(builder, clock) : null;
    }

    private static IHost Finish(HostApplicationBuilder builder, AsOfClock? clock)
    {
        if (clock is AsOfClock asOf)
        {
            builder.Services.UseAsOf(asOf);
        }

        // A command prints its own summary; only warnings and errors are logged beside it. A filter rule added
        // after the configuration's rules wins over them.
        builder.Logging.AddFilter((string?)null, Microsoft.Extensions.Logging.LogLevel.Warning);

        // Quartz retries a job store it cannot reach and logs each retry with its stack; the command reports the outcome once.
        builder.Logging.AddFilter("Quartz", Microsoft.Extensions.Logging.LogLevel.Error);
        var host = builder.Build();
        try
        {
            Validate(host.Services);
            StoreMigration.Prepare(
                host.Services.GetRequiredService<IOptions<StoreOptions>>().Value,
                host.Services.GetService<IOptions<JobsOptions>>()?.Value);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
