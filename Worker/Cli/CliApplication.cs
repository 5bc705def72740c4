using System.CommandLine;
using Spectre.Console;
using Microsoft.Extensions.Hosting;

namespace Worker.Cli;

/// <summary>The command line of the worker executable: one subcommand per operator task; no command runs the worker.</summary>
public static class CliApplication
{
    /// <summary>The command line with the worker's own composition (what Program.cs passes).</summary>
    public static RootCommand Create() => Create(Program.Compose);

    public static RootCommand Create(Action<IHostApplicationBuilder> compose)
    {
        // Redirected to a file or a CI log there is no terminal width; 80 columns would fold the tables.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var root = new RootCommand("Workload monitor for IT support: imports ticket history, measures workload, forecasts and reports.");
        var run = RunCommand.Create(compose);
        root.Add(run);
        root.Add(SyncCommand.Create(compose));
        root.Add(JobsCommand.Create(compose));
        root.Add(ImportCommand.Create(compose));
        root.Add(RosterCommand.Create(compose));
        root.Add(DemoCommand.Create(compose));
        root.Add(MetricsCommand.Create(compose));
        root.Add(OverloadCommand.Create(compose));
        root.Add(ForecastCommand.Create(compose));
        root.Add(StaffingCommand.Create(compose));
        root.Add(ReportCommand.Create(compose));
        root.Add(MailCommand.Create(compose));
        root.Add(CheckCommand.Create(compose));

        // Started with no command, as a service manager does, the executable runs the worker.
        root.Action = run.Action;
        Hosting.SettingsFile.Apply(root);

        // Last: every command added above, and any added by a caller later, reports its faults one way.
        CommandBoundary.Apply(root);
        return root;
    }

    /// <summary>Exit code of a command line that does not parse (an unknown option, a value of the wrong kind).</summary>
    public const int UsageError = 2;

    /// <summary>
    /// Parses and runs; a command line that does not parse is one line per error and exit 2, like every other
    /// usage error, rather than the whole help text and exit 1. <c>--help</c> still prints the help.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is System.CommandLine.Invocation.ParseErrorAction)
        {
            var command = parse.CommandResult.Command == root ? "worker" : parse.CommandResult.Command.Name;
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"{command}: {error.Message} (--help lists the options)");
            }

            return UsageError;
        }

        return await parse.InvokeAsync(cancellationToken: cancellationToken);
    }
}
