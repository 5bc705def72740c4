using System.CommandLine;
using Spectre.Console;

namespace Worker.Cli;

/// <summary>The command line of the worker executable: one subcommand per operator task.</summary>
public static class CliApplication
{
    public static RootCommand Create()
    {
        // Redirected to a file or a CI log there is no terminal width; 80 columns would fold the tables.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }

        var root = new RootCommand("Workload monitor for IT support: imports ticket history, measures workload, forecasts and reports.");
        root.Add(ImportCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(MetricsCommand.Create());
        root.Add(OverloadCommand.Create());
        root.Add(ForecastCommand.Create());
        root.Add(StaffingCommand.Create());
        return root;
    }
}
