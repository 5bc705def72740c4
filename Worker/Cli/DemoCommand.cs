using System.CommandLine;
using Analytics.Demo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>demo [--seed N]</c>: generates the demo department's two-year history and loads it into the store.</summary>
public static class DemoCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generator; the same seed on the same day gives the same data.", DefaultValueFactory = _ => 2026 };
        var lastDay = new Option<string?>("--last-day") { Description = "Last Sunday of the history (yyyy-MM-dd). Default: last Sunday." };
        var command = new Command("demo", "Generate a realistic demo data set (six teams, two years) into the embedded store.") { seed, lastDay };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new DemoOptions { Seed = parse.GetValue(seed) };
            if (parse.GetValue(lastDay) is { } text)
            {
                if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                {
                    await Console.Error.WriteLineAsync($"demo: --last-day must be a date such as 2026-11-22, not '{text}'.");
                    return 2;
                }

                options.LastDay = day;
            }

            return await RunAsync(compose, options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Action<IHostApplicationBuilder> compose, DemoOptions options, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(compose);
        DemoDataSet data;
        try
        {
            data = host.Services.GetRequiredService<DemoDataGenerator>().Generate(options);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"demo: {ex.Message}");
            return 2;
        }

        var loader = host.Services.GetRequiredService<DemoDataLoader>();
        var summary = await AnsiConsole.Status().StartAsync("Loading the demo data", async context =>
            await loader.LoadAsync(data, options.Source, new SynchronousProgress(step => context.Status($"Loading {step}")), cancellationToken));

        var s = data.Scenario;
        AnsiConsole.MarkupLine($"Demo data {s.FirstDay:yyyy-MM-dd} to {s.LastDay:yyyy-MM-dd} ({s.FirstWeek} to {s.LastWeek}), seed {options.Seed}:");
        var table = new Table().AddColumns("teams", "agents", "tickets", "events", "time registrations", "feedback", "articles");
        table.AddRow($"{data.Teams.Count}", $"{data.Agents.Count}", $"{summary.Tickets:N0}", $"{summary.Events:N0}", $"{summary.TimeEntries:N0}", $"{summary.Feedback:N0}", $"{summary.Articles:N0}");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"Built in: [bold]{Markup.Escape(s.OverloadedTeam)}[/] overloaded from {s.OverloadFirstWeek}; major incident in {s.MajorIncidentWeek}; onboarding waves in weeks 36-39.");
        return 0;
    }

    /// <summary>Reports on the caller's thread, so the status line follows the work rather than trailing it.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
