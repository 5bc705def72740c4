using System.CommandLine;

namespace Worker.Cli;

/// <summary>The command line of the worker executable: one subcommand per operator task.</summary>
public static class CliApplication
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Workload monitor for IT support: imports ticket history, measures workload, forecasts and reports.");
        root.Add(ImportCommand.Create());
        root.Add(DemoCommand.Create());
        root.Add(ForecastCommand.Create());
        root.Add(StaffingCommand.Create());
        return root;
    }
}
