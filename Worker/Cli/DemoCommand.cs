using System.CommandLine;
using System.Diagnostics;
using Analytics.Demo;
using Analytics.Forecasting;
using Analytics.Privacy;
using Microsoft.Extensions.Options;
using Reports.Documents;
using Worker.Delivery;
using Worker.Reporting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Worker.Cli;

/// <summary>
/// <c>demo [--seed N]</c>: the whole pipeline once on the embedded default: generates the demo department's
/// two-year history into the store, trains the forecasts, writes the three reports for every team and the
/// department, and delivers their mails (as .eml files unless SMTP is configured).
/// </summary>
public static class DemoCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var seed = new Option<int>("--seed") { Description = "Seed of the generator; the same seed on the same day gives the same data.", DefaultValueFactory = _ => 2026 };
        var lastDay = new Option<string?>("--last-day") { Description = "Last Sunday of the history (yyyy-MM-dd). Default: last Sunday." };
        var command = new Command("demo", "Run the whole pipeline on a realistic demo department: data, forecasts, reports and their mails into ./out.") { seed, lastDay };
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

    /// <summary>Where the demo's department report goes when no department recipients are configured.</summary>
    public const string DemoDepartmentRecipient = "it-management@example.org";

    private static async Task<int> RunAsync(Action<IHostApplicationBuilder> compose, DemoOptions options, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        using var host = BuildHost(compose);
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

        // The rest of the pipeline, as the worker's jobs run it: forecasts, reports with their mail, delivery.
        await AnsiConsole.Status().StartAsync("Training the forecast models", _ => host.Services.GetRequiredService<ForecastTrainer>().RetrainAsync(cancellationToken));
        var run = await AnsiConsole.Status().StartAsync($"Writing the reports for {s.LastWeek}", _ =>
            host.Services.GetRequiredService<WeeklyReporting>().ProduceAndQueueAsync(s.LastWeek, cancellationToken));
        var (reports, queued) = run;
        var sent = await host.Services.GetRequiredService<OutboxDispatcher>().DispatchAsync(cancellationToken);

        var reportFolder = Path.GetFullPath(Path.Combine(host.Services.GetRequiredService<IOptions<ReportingOptions>>().Value.OutputFolder, s.LastWeek.ToString()));
        var delivery = host.Services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        AnsiConsole.MarkupLine($"{reports.Count} reports ({reports.Select(r => r.Kind).Distinct().Count()} kinds for the department and {reports.Select(r => r.Subject).Distinct().Count() - 1} teams) in [bold]{Markup.Escape(reportFolder)}[/]");
        AnsiConsole.MarkupLine(delivery.Transport == MailTransportKind.Pickup
            ? $"{sent} mails ({queued} queued) written as .eml files to [bold]{Markup.Escape(Path.GetFullPath(delivery.PickupFolder))}[/]"
            : $"{sent} mails sent ({queued} queued) over SMTP to {Markup.Escape(delivery.Smtp.Host)}");
        if (run.Failures.Count > 0)
        {
            await Console.Error.WriteLineAsync($"demo: {run.Summary(s.LastWeek)}");
            return 1;
        }

        AnsiConsole.MarkupLine($"Done in {clock.Elapsed.TotalSeconds:0} s. Start with [bold]{Markup.Escape(ReportRenderer.FileName(ReportKind.Weekly, new ReportContext(ReportScope.ForTeam(s.OverloadedTeam), s.OverloadedTeam, s.LastWeek, default, default, "UTC", 3)))}[/]: the overloaded team's weekly report.");
        return 0;
    }

    /// <summary>The demo's host; when no department recipients are configured, the demo department list is used.</summary>
    private static IHost BuildHost(Action<IHostApplicationBuilder> compose)
    {
        var host = CliHost.Build(compose);
        if (host.Services.GetRequiredService<RecipientDirectory>().RecipientsFor(ReportAudience.Department).Count > 0)
        {
            return host;
        }

        host.Dispose();
        return CliHost.Build(compose, new Dictionary<string, string?> { ["Delivery:Department:Recipients:0"] = DemoDepartmentRecipient });
    }

    /// <summary>Reports on the caller's thread, so the status line follows the work rather than trailing it.</summary>
    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
