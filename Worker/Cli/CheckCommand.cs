using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Worker.Checks;
using Worker.Hosting;

namespace Worker.Cli;

/// <summary>
/// <c>check [--send-test-mail ADDRESS]</c>: is this installation ready for Monday morning? One plain line per
/// check (ok, warn, FAIL, skip), a failure naming the thing, the cause and what to do; exit 1 when any check
/// failed. Settings that cannot be read still end it at once with exit 3, as every command does. Nothing is
/// migrated, synced or queued. See docs/operations.md, "Checking the installation".
/// </summary>
public static class CheckCommand
{
    public const int Failed = 1;

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var testMail = new Option<string?>("--send-test-mail") { Description = "Also send a real test mail to this address through the configured transport (not the outbox).", HelpName = "ADDRESS" };
        var command = new Command("check", "Check the store, the sync sources, the mail transport, data freshness, team managers and the roster.") { testMail };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = Build(compose);
            var options = ReadOptions(host.Services.GetService(typeof(IConfiguration)) as IConfiguration);

            // Redirected to a file or a journal, each result stays on one line however long its cause.
            if (Console.IsOutputRedirected)
            {
                AnsiConsole.Profile.Width = 1000;
            }

            var results = await new InstallationCheck(host.Services, options).RunAsync(
                parse.GetValue(testMail),
                result => AnsiConsole.Console.WriteLine(result.ToString()),
                cancellationToken);
            var failed = results.Count(r => r.Status == CheckStatus.Failed);
            var warnings = results.Count(r => r.Status == CheckStatus.Warning);
            AnsiConsole.Console.WriteLine(failed == 0
                ? $"check: all {results.Count(r => r.Status == CheckStatus.Ok)} checks passed{(warnings > 0 ? $", {warnings} warning{(warnings == 1 ? string.Empty : "s")}" : string.Empty)}."
                : $"check: {failed} of {results.Count} checks failed.");
            return failed == 0 ? 0 : Failed;
        });
        return command;
    }

    /// <summary>The worker's host with its settings validated, but the store not opened or migrated: that is a check here.</summary>
    private static IHost Build(Action<IHostApplicationBuilder> compose)
    {
        var builder = WorkerHost.CreateBuilder(compose, null);
        builder.Logging.AddFilter((string?)null, LogLevel.Warning);
        OneLineConsoleFormatter.Use(builder.Logging);
        builder.Logging.AddFilter("Quartz", LogLevel.Error);
        var host = builder.Build();
        try
        {
            CliHost.Validate(host.Services);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static CheckOptions ReadOptions(IConfiguration? configuration)
    {
        var options = configuration?.GetSection(CheckOptions.Section).Get<CheckOptions>() ?? new CheckOptions();
        if (options.StaleAfter <= TimeSpan.Zero)
        {
            throw new OptionsValidationException(CheckOptions.Section, typeof(CheckOptions), [$"{CheckOptions.Section}:StaleAfter: '{options.StaleAfter}' must be positive (e.g. 3.00:00:00 for three days)."]);
        }

        return options;
    }
}
