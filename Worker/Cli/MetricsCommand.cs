using Microsoft.Extensions.Hosting;
using System.CommandLine;
using System.Globalization;
using Analytics.Calendar;
using Analytics.Roster;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>metrics [--team T] [--week W] [--weeks N] [--agents]</c>: the weekly metrics as tables.</summary>
public static class MetricsCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var team = new Option<string?>("--team") { Description = "Team name (default: the department and every team)." };
        var week = CliWeek.Option();
        var asOf = CliAsOf.Option();
        var weeks = new Option<int>("--weeks") { Description = "Weeks of trend to show, ending at --week.", DefaultValueFactory = _ => 4 };
        var agents = new Option<bool>("--agents") { Description = "Also print per-agent figures (personal data: for the team's own manager)." };
        var command = new Command("metrics", "Print a team's (or every team's) weekly workload metrics.") { team, week, weeks, agents, asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var host = CliHost.Build(compose, parse.GetValue(asOf));
            if (host is null)
            {
                return 2;
            }

            if (CliWeek.Resolve(parse.GetValue(week), host.Services) is not { } last)
            {
                return 2;
            }

            await CliWeek.WarnOutsideDataAsync(last, host.Services, cancellationToken);

            var count = Math.Clamp(parse.GetValue(weeks), 1, 52);
            var history = await host.Services.GetRequiredService<WorkloadCalculator>().ComputeAsync(last.AddWeeks(-(count - 1)), last, cancellationToken);
            var name = parse.GetValue(team);
            if (name is not null && !history.TeamNames.Contains(name))
            {
                // A team the organisation has but with no data in these weeks is an empty trend, not a typo.
                var now = FiguresClock.Now(host.Services);
                var known = (await host.Services.GetRequiredService<RosterReader>().ReadAsync(now, cancellationToken)).Teams.Select(t => t.Name)
                    .Concat(history.TeamNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (!known.Contains(name, StringComparer.Ordinal))
                {
                    await Console.Error.WriteLineAsync($"metrics: no team named '{name}'. Teams: {string.Join(", ", known)}.");
                    return 2;
                }

                await Console.Error.WriteLineAsync($"metrics: {name} has no data in {last.AddWeeks(-(count - 1))} to {last}.");
                return 0;
            }

            if (name is null)
            {
                PrintWeek(history, last);
            }
            else
            {
                PrintTrend(history, name, last.AddWeeks(-(count - 1)), last);
                if (parse.GetValue(agents))
                {
                    PrintAgents(history, name, last);
                }
            }

            return 0;
        });
        return command;
    }

    private static void PrintWeek(WorkloadHistory history, IsoWeek week)
    {
        var table = MetricsTable($"Workload {week}", "team");
        foreach (var m in history.TeamNames.Order(StringComparer.Ordinal).Select(t => history.Team(t, week)).Append(history.Department(week)).OfType<WeeklyTeamMetrics>())
        {
            AddRow(table, m.IsDepartment ? $"[bold]{Markup.Escape(m.Team)}[/]" : Markup.Escape(m.Team), m);
        }

        AnsiConsole.Write(table);
    }

    private static void PrintTrend(WorkloadHistory history, string team, IsoWeek from, IsoWeek to)
    {
        var table = MetricsTable($"{team}, {from} to {to}", "week");
        foreach (var m in history.TeamSeries(team, from, to))
        {
            AddRow(table, m.Week.ToString(), m);
        }

        AnsiConsole.Write(table);
    }

    private static void PrintAgents(WorkloadHistory history, string team, IsoWeek week)
    {
        var table = new Table { Title = new TableTitle($"{Markup.Escape(team)} agents, {week}") }
            .AddColumns("agent", "resolved", "open (WIP)", "after hours", "hours / contract", "passed on", "came back");
        foreach (var a in history.AgentsOf(team, week).Where(a => a.OnStaff))
        {
            table.AddRow(Markup.Escape(a.Agent), N(a.Resolved), N(a.WorkInProgress), N(a.AfterHoursResolutions), string.Create(CultureInfo.InvariantCulture, $"{a.HoursLogged:0.0} / {(a.ContractHours is { } contract ? contract.ToString("0.#", CultureInfo.InvariantCulture) : "unknown")}"), N(a.HandedOn), N(a.Bounced));
        }

        AnsiConsole.Write(table);
    }

    private static Table MetricsTable(string title, string first) =>
        new Table { Title = new TableTitle(Markup.Escape(title)) }
            .AddColumns(first, "in", "resolved", "passed on", "backlog", "age med/p90 (d)", "resolution med/p90 (h)", "SLA", "FCR", "reopen", "after hours", "days to clear", "WIP/agent");

    private static void AddRow(Table table, string label, WeeklyTeamMetrics m) =>
        table.AddRow(label, N(m.Incoming), N(m.Resolved), N(m.PassedOn), N(m.Backlog), Pair(m.BacklogAgeMedianDays, m.BacklogAgeP90Days), Pair(m.ResolutionHoursMedian, m.ResolutionHoursP90),
            Percent(m.SlaCompliance), Percent(m.FirstContactResolution), Percent(m.ReopenRate), Percent(m.AfterHoursShare), Number(m.DaysToClear), Number(m.WipPerAgent));

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(double? value) => value is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Percent(double? value) => value is { } v ? v.ToString("0%", CultureInfo.InvariantCulture) : "–";

    private static string Pair(double? a, double? b) => a is null ? "–" : $"{Number(a)} / {Number(b)}";
}
