using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Worker.Delivery;
using Worker.Hosting;
using Worker.Reporting;

namespace Worker.Cli;

/// <summary><c>run</c> (the default): the worker itself: scheduler, sync, outbox; until stopped (Ctrl+C, SIGTERM, service stop).</summary>
public static class RunCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var command = new Command("run", "Run the worker: scheduled jobs and mail delivery, until stopped. The default command.");
        command.SetAction(async (_, cancellationToken) =>
        {
            var builder = WorkerHost.CreateBuilder(compose);

            // A start that fails is said once, by the command boundary (one line, the trace in a fault file); the
            // host would log it again with its stack. A worker's fault while running still reaches the log:
            // the host stops on it with a critical entry that keeps the trace.
            builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
            using var host = builder.Build();

            // The settings, the store and the job store are checked before anything starts, so a bad one is one
            // line and exit 3 (which the systemd unit does not restart) rather than a logged stack trace and 1.
            CliHost.Prepare(host.Services, connectJobStore: true);
            if (host.Services.GetService<IOptions<ReportingOptions>>()?.Value is { } reporting)
            {
                StorePreflight.EnsureOutputFolder($"{ReportingOptions.Section}:OutputFolder", reporting.OutputFolder);
            }

            if (host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value is { Transport: MailTransportKind.Pickup } delivery)
            {
                StorePreflight.EnsureOutputFolder($"{DeliveryOptions.Section}:PickupFolder", delivery.PickupFolder);
            }

            await host.RunAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
