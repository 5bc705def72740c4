using Microsoft.Extensions.Hosting;
using System.CommandLine;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>overload [--week W] [--agents] [--output json|csv]</c>: the week's overload flags with their reasons.</summary>
public static class OverloadCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var week = CliWeek.Option();
        var asOf = CliAsOf.Option();
        var agents = new Option<bool>("--agents") { Description = "Also print agent flags (personal data: for each team's own manager)." };
        var output = OutputOptions.Format();
        var tables = OutputOptions.Table("teams", "agents");
        var command = new Command("overload", "Print the teams (and agents) flagged as overloaded in a week, with the reasons.") { week, agents, asOf, output, tables };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!OutputOptions.TryResolve(Name, parse.GetValue(output), out var format) || !OutputOptions.CheckTable(Name, parse.GetValue(tables), format))
            {
                return 2;
            }

            using var host = CliHost.Build(compose, parse.GetValue(asOf));
            if (host is null)
            {
                return 2;
            }

            if (CliWeek.Resolve(parse.GetValue(week), host.Services) is not { } target)
            {
                return 2;
            }

            await CliWeek.WarnOutsideDataAsync(target, host.Services, cancellationToken);

            var baseline = host.Services.GetRequiredService<IOptions<WorkloadOptions>>().Value.BaselineWeeks;
            var history = await host.Services.GetRequiredService<WorkloadCalculator>().ComputeAsync(target.AddWeeks(-baseline - 8), target, cancellationToken);
            var outlook = host.Services.GetService<ICapacityOutlook>() is { } capacity ? await capacity.GetAsync(target.Next(), 4, cancellationToken) : [];
            var report = host.Services.GetRequiredService<OverloadDetector>().Detect(history, target, outlook);

            var agentFlags = report.Agents.OrderBy(f => f.Team, StringComparer.Ordinal).ThenBy(f => f.Agent, StringComparer.Ordinal).ToList();
            if (format != OutputFormat.Table)
            {
                // Agent flags only when asked for, as in the table: they are personal data.
                var document = new OutputDocument().Property("week", target);
                var teamRows = document.Table("teams", "week", "team", "severity", "reasons");
                foreach (var flag in report.Teams)
                {
                    teamRows.Add(target, flag.Team, SeverityName(flag.Severity), flag.Reasons.Select(r => r.Text).ToList());
                }

                if (parse.GetValue(agents))
                {
                    var agentRows = document.Table("agents", "week", "team", "agent", "severity", "reasons");
                    foreach (var flag in agentFlags)
                    {
                        agentRows.Add(target, flag.Team, flag.Agent, SeverityName(flag.Severity), flag.Reasons.Select(r => r.Text).ToList());
                    }
                }

                return OutputWriter.Write(Name, document, format, parse.GetValue(tables));
            }

            var table = new Table { Title = new TableTitle($"Overload flags, {target}") }.AddColumns("team", "severity", "reasons");
            foreach (var flag in report.Teams)
            {
                table.AddRow(Markup.Escape(flag.Team), Severity(flag.Severity), Markup.Escape(string.Join(Environment.NewLine, flag.Reasons.Select(r => r.Text))));
            }

            if (report.Teams.Count == 0)
            {
                table.AddRow("–", "–", "No team is flagged this week.");
            }

            AnsiConsole.Write(table);
            if (parse.GetValue(agents))
            {
                var people = new Table { Title = new TableTitle($"Agent flags, {target}") }.AddColumns("team", "agent", "severity", "reasons");
                foreach (var flag in agentFlags)
                {
                    people.AddRow(Markup.Escape(flag.Team), Markup.Escape(flag.Agent), Severity(flag.Severity), Markup.Escape(string.Join(Environment.NewLine, flag.Reasons.Select(r => r.Text))));
                }

                AnsiConsole.Write(people);
            }

            return 0;
        });
        return command;
    }

    private const string Name = "overload";

    private static string SeverityName(FlagSeverity severity) => severity switch
    {
        FlagSeverity.Critical => "critical",
        FlagSeverity.Warning => "warning",
        _ => "watch",
    };

    private static string Severity(FlagSeverity severity) => severity switch
    {
        FlagSeverity.Critical => "[red]critical[/]",
        FlagSeverity.Warning => "[yellow]warning[/]",
        _ => "watch",
    };
}
