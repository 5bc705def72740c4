using Microsoft.Extensions.Hosting;
using System.CommandLine;
using System.Globalization;
using Analytics.Forecasting.Staffing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>staffing [--weeks 12]</c>: needed against available FTE per team and week, from the weekly forecast.</summary>
public static class StaffingCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var weeks = new Option<int>("--weeks", "-w") { Description = "Weeks ahead (at most the forecast's horizon).", DefaultValueFactory = _ => 12 };
        var team = new Option<string?>("--team", "-t") { Description = "Only this team." };
        var asOf = CliAsOf.Option();
        var command = new Command("staffing", "Print the staffing forecast: needed against available FTE per team and week.") { weeks, team, asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(weeks);
            if (count is < 1 or > 52)
            {
                await Console.Error.WriteLineAsync($"staffing: --weeks must be between 1 and 52, not {count}.");
                return 2;
            }

            return await RunAsync(compose, count, parse.GetValue(team), parse.GetValue(asOf), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Action<IHostApplicationBuilder> compose, int weeks, string? team, string? asOf, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(compose, asOf);
        if (host is null)
        {
            return 2;
        }

        var outlook = await host.Services.GetRequiredService<StaffingPlanner>().PlanAsync(null, weeks, cancellationToken);
        if (outlook is null)
        {
            await Console.Error.WriteLineAsync("staffing: no forecast model has been trained yet; run 'forecast --team <team> --retrain' first (or wait for the nightly retraining).");
            return ForecastCommand.NothingToShow;
        }

        var model = outlook.Forecast.Model;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Staffing forecast from the weekly model trained {model.CreatedAt:yyyy-MM-dd HH:mm} UTC ({ForecastCommand.Age(outlook.Forecast.ModelAge)} ago). FTE = hours / (FTE hours x (1 - shrinkage)); a negative gap is a shortage.")));
        foreach (var group in outlook.Weeks.Where(w => team is null || string.Equals(w.Team, team, StringComparison.Ordinal)).GroupBy(w => w.Team))
        {
            var table = new Table().Title(Markup.Escape(group.Key)).AddColumns("week", "tickets", "hands-on h", "h (80% high)", "queue peak", "needed FTE", "available FTE", "gap FTE");
            foreach (var w in group)
            {
                var gap = w.GapFte?.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) ?? "unknown";
                table.AddRow(
                    w.Week.ToString(),
                    w.Volume.ToString("0", CultureInfo.InvariantCulture),
                    w.NeededHours.ToString("0", CultureInfo.InvariantCulture),
                    w.NeededHoursHigh.ToString("0", CultureInfo.InvariantCulture),
                    w.Queues.Count == 0 ? "-" : string.Join(", ", w.Queues.Select(q => $"{q.Channel} {q.PeakAgents}")),
                    w.NeededFte.ToString("0.0", CultureInfo.InvariantCulture),
                    w.AvailableFte?.ToString("0.0", CultureInfo.InvariantCulture) ?? "unknown",
                    w.GapFte < 0 ? $"[red]{gap}[/]" : gap);
            }

            AnsiConsole.Write(table);
        }

        return 0;
    }
}
