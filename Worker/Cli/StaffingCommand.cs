using Microsoft.Extensions.Hosting;
using System.CommandLine;
using System.Globalization;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>staffing [--weeks 12] [--output json|csv]</c>: needed against available FTE per team and week, from the weekly forecast.</summary>
public static class StaffingCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var weeks = new Option<int>("--weeks", "-w") { Description = "Weeks ahead: 1 to the weekly forecast's horizon (Forecast:WeeklyHorizon, 12 by default).", DefaultValueFactory = _ => 12 };
        var team = new Option<string?>("--team", "-t") { Description = "Only this team." };
        var asOf = CliAsOf.Option();
        var output = OutputOptions.Format();
        var command = new Command("staffing", "Print the staffing forecast: needed against available FTE per team and week.") { weeks, team, asOf, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!OutputOptions.TryResolve(Name, parse.GetValue(output), out var format))
            {
                return 2;
            }

            return await RunAsync(compose, parse.GetValue(weeks), parse.GetValue(team), parse.GetValue(asOf), format, cancellationToken);
        });
        return command;
    }

    private const string Name = "staffing";

    private static async Task<int> RunAsync(Action<IHostApplicationBuilder> compose, int weeks, string? team, string? asOf, OutputFormat format, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(compose, asOf);
        if (host is null)
        {
            return 2;
        }

        // The forecast covers its horizon and no more: more weeks than that would be cut short without a word.
        var horizon = host.Services.GetRequiredService<IOptions<ForecastOptions>>().Value.WeeklyHorizon;
        if (!OutputOptions.CheckRange(Name, "--weeks", weeks, 1, horizon, "the weekly forecast's horizon, Forecast:WeeklyHorizon"))
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
        if (!OutputOptions.CheckRange(Name, "--weeks", weeks, 1, model.Horizon, $"the horizon of the model trained {model.CreatedAt:yyyy-MM-dd}; retrain for more"))
        {
            return 2;
        }

        var rows = outlook.Weeks.Where(w => team is null || string.Equals(w.Team, team, StringComparison.Ordinal)).ToList();
        if (format != OutputFormat.Table)
        {
            var document = new OutputDocument().Property("modelTrainedAt", model.CreatedAt);
            var table = document.Table("weeks", "team", "week", "tickets", "ticketsHigh80", "handsOnHours", "handsOnHoursHigh80", "queuePeakAgents", "neededFte", "availableFte", "gapFte");
            foreach (var w in rows)
            {
                table.Add(w.Team, w.Week, w.Volume, w.VolumeUpper80, w.NeededHours, w.NeededHoursHigh,
                    w.Queues.ToDictionary(q => q.Channel, q => (object?)q.PeakAgents, StringComparer.Ordinal), w.NeededFte, w.AvailableFte, w.GapFte);
            }

            return OutputWriter.Write(Name, document, format);
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Staffing forecast from the weekly model trained {model.CreatedAt:yyyy-MM-dd HH:mm} UTC ({ForecastCommand.Age(outlook.Forecast.ModelAge)} ago). FTE = hours / (FTE hours x (1 - shrinkage)); a negative gap is a shortage.")));
        foreach (var group in rows.GroupBy(w => w.Team))
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
