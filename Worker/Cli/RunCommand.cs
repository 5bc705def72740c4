using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Worker.Hosting;

namespace Worker.Cli;

/// <summary><c>run</c> (the default): the worker itself: scheduler, sync, outbox; until stopped (Ctrl+C, SIGTERM, service stop).</summary>
public static class RunCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var command = new Command("run", "Run the worker: scheduled jobs and mail delivery, until stopped. The default command.");
        command.SetAction(async (_, cancellationToken) =>
        {
            using var host = WorkerHost.CreateBuilder(compose).Build();
            try
            {
                // Validated before the host starts too, so a bad setting is one clear message rather than a logged stack trace.
                CliHost.Validate(host.Services);
                await host.RunAsync(cancellationToken);
                return 0;
            }
            catch (Exception ex) when (ConfigurationErrors.TryDescribe(ex, out var message))
            {
                await Console.Error.WriteLineAsync($"worker: {message}");
                return ConfigurationErrors.ExitCode;
            }
        });
        return command;
    }
}
