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

/// <summary><c>metrics [--team T] [--week W] [--weeks N] [--agents] [--output json|csv]</c>: the weekly metrics as tables or one document.</summary>
public static class MetricsCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var team = new Option<string?>("--team") { Description = "Team name (default: the department and every team)." };
        var week = CliWeek.Option();
        var asOf = CliAsOf.Option();
        var weeks = new Option<int>("--weeks") { Description = $"Weeks of trend to show with --team, ending at --week ({MinWeeks} to {MaxWeeks}).", DefaultValueFactory = _ => 4 };
        var agents = new Option<bool>("--agents") { Description = "Also print per-agent figures (personal data: for the team's own manager)." };
        var output = OutputOptions.Format();
        var table = OutputOptions.Table("metrics", "agents");
        var command = new Command("metrics", "Print a team's (or every team's) weekly workload metrics.") { team, week, weeks, agents, asOf, output, table };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var count = parse.GetValue(weeks);
            if (!OutputOptions.TryResolve(Name, parse.GetValue(output), out var format)
                || !OutputOptions.CheckTable(Name, parse.GetValue(table), format)
                || !OutputOptions.CheckRange(Name, "--weeks", count, MinWeeks, MaxWeeks))
            {
                return 2;
            }

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

                // A script still gets a document to read: the same tables, empty.
                return format == OutputFormat.Table ? 0 : OutputWriter.Write(Name, Document(last, [], parse.GetValue(agents) ? [] : null), format, parse.GetValue(table));
            }

            var rows = name is null
                ? history.TeamNames.Order(StringComparer.Ordinal).Select(t => history.Team(t, last)).Append(history.Department(last)).OfType<WeeklyTeamMetrics>().ToList()
                : history.TeamSeries(name, last.AddWeeks(-(count - 1)), last).ToList();

            // The agents of the named team only, and only when asked for: as in the table, so in the document.
            var people = name is not null && parse.GetValue(agents) ? history.AgentsOf(name, last).Where(a => a.OnStaff).ToList() : null;
            if (format != OutputFormat.Table)
            {
                return OutputWriter.Write(Name, Document(last, rows, people), format, parse.GetValue(table));
            }

            if (name is null)
            {
                PrintWeek(rows, last);
            }
            else
            {
                PrintTrend(rows, name, last.AddWeeks(-(count - 1)), last);
                if (people is not null)
                {
                    PrintAgents(people, name, last);
                }
            }

            return 0;
        });
        return command;
    }

    private const string Name = "metrics";

    private const int MinWeeks = 1;

    private const int MaxWeeks = 52;

    /// <summary>The rows of the tables below with their figures unrounded; shares are fractions (0.85, not 85%).</summary>
    private static OutputDocument Document(IsoWeek week, IReadOnlyList<WeeklyTeamMetrics> rows, IReadOnlyList<WeeklyAgentMetrics>? agents)
    {
        var document = new OutputDocument().Property("week", week);
        var metrics = document.Table("metrics", "week", "team", "isDepartment", "incoming", "resolved", "passedOn", "backlog", "backlogAgeMedianDays", "backlogAgeP90Days",
            "resolutionHoursMedian", "resolutionHoursP90", "slaCompliance", "firstContactResolution", "reopenRate", "afterHoursShare", "daysToClear", "wipPerAgent");
        foreach (var m in rows)
        {
            metrics.Add(m.Week, m.Team, m.IsDepartment, m.Incoming, m.Resolved, m.PassedOn, m.Backlog, m.BacklogAgeMedianDays, m.BacklogAgeP90Days,
                m.ResolutionHoursMedian, m.ResolutionHoursP90, m.SlaCompliance, m.FirstContactResolution, m.ReopenRate, m.AfterHoursShare, m.DaysToClear, m.WipPerAgent);
        }

        if (agents is not null)
        {
            var people = document.Table("agents", "week", "team", "agent", "resolved", "workInProgress", "afterHoursResolutions", "hoursLogged", "contractHours", "handedOn", "bounced");
            foreach (var a in agents)
            {
                people.Add(a.Week, a.Team, a.Agent, a.Resolved, a.WorkInProgress, a.AfterHoursResolutions, a.HoursLogged, a.ContractHours, a.HandedOn, a.Bounced);
            }
        }

        return document;
    }

    private static void PrintWeek(IEnumerable<WeeklyTeamMetrics> rows, IsoWeek week)
    {
        var table = MetricsTable($"Workload {week}", "team");
        foreach (var m in rows)
        {
            AddRow(table, m.IsDepartment ? $"[bold]{Markup.Escape(m.Team)}[/]" : Markup.Escape(m.Team), m);
        }

        AnsiConsole.Write(table);
    }

    private static void PrintTrend(IEnumerable<WeeklyTeamMetrics> rows, string team, IsoWeek from, IsoWeek to)
    {
        var table = MetricsTable($"{team}, {from} to {to}", "week");
        foreach (var m in rows)
        {
            AddRow(table, m.Week.ToString(), m);
        }

        AnsiConsole.Write(table);
    }

    private static void PrintAgents(IEnumerable<WeeklyAgentMetrics> agents, string team, IsoWeek week)
    {
        var table = new Table { Title = new TableTitle($"{Markup.Escape(team)} agents, {week}") }
            .AddColumns("agent", "resolved", "open (WIP)", "after hours", "hours / contract", "passed on", "came back");
        foreach (var a in agents)
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
