using System.CommandLine;
using System.Globalization;
using Analytics.Import;
using Analytics.Roster;
using Analytics.Tickets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Worker.Cli;

/// <summary>
/// <c>roster import FILE</c> loads teams, agents or planned leave from a CSV file (the kind told by its
/// header, docs/roster.md); <c>roster show</c> prints the organisation the reports use: the loaded roster
/// and what is inferred from the tickets, with unknown contract hours said as "unknown".
/// </summary>
public static class RosterCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var command = new Command("roster", "Load or show the teams, agents and planned leave the reports measure against.");
        command.Add(Import(compose));
        command.Add(Show(compose));
        return command;
    }

    private static Command Import(Action<IHostApplicationBuilder> compose)
    {
        var file = new Argument<FileInfo>("file") { Description = "A CSV file of teams, agents or planned leave (English or Dutch headers; see docs/roster.md)." };
        var delimiter = new Option<string?>("--delimiter") { Description = "Field delimiter: ',', ';', 'tab' (default: detected)." };
        var encoding = new Option<string?>("--encoding") { Description = "utf-8 or windows-1252 (default: detected)." };
        var command = new Command("import", "Load a roster file into the store; importing it again changes nothing.") { file, delimiter, encoding };
        command.SetAction(async (parse, cancellationToken) =>
        {
            RosterImportSummary summary;
            char? delimiterValue;
            System.Text.Encoding? encodingValue;
            try
            {
                delimiterValue = ImportCommand.ParseDelimiter(parse.GetValue(delimiter));
                encodingValue = ImportCommand.ParseEncoding(parse.GetValue(encoding));
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"roster import: {ex.Message}");
                return ImportCommand.FileUnreadable;
            }

            // Outside the file's error handling: a bad connection string is a setting (exit 3), not an unreadable file.
            using var host = CliHost.Build(compose);
            try
            {
                summary = await host.Services.GetRequiredService<RosterImporter>()
                    .ImportAsync(parse.GetRequiredValue(file).FullName, encodingValue, delimiterValue, cancellationToken);
            }
            catch (ImportFileException ex)
            {
                await Console.Error.WriteLineAsync($"roster import: {ex.Message}");
                return ImportCommand.FileUnreadable;
            }

            var table = new Table().AddColumns("file", "kind", "read", "added", "changed", "unchanged", "quarantined");
            table.AddRow(Markup.Escape(summary.FileName), RosterFile.Describe(summary.Kind), N(summary.RowsRead), N(summary.Added), N(summary.Changed), N(summary.Unchanged), N(summary.Quarantined));
            AnsiConsole.Write(table);
            foreach (var problem in summary.FirstProblems)
            {
                // The error an operator fixes the file by: file, line, field and why.
                await Console.Error.WriteLineAsync($"roster import: {problem}");
            }

            if (summary.Quarantined > summary.FirstProblems.Count)
            {
                AnsiConsole.MarkupLine("... and more: every quarantined row is in the store's quarantine table with file, line, field, raw value and reason.");
            }

            if (summary.Stored == 0 && summary.RowsRead > 0)
            {
                await Console.Error.WriteLineAsync($"roster import: {summary.FileName}: nothing could be imported ({N(summary.Quarantined)} rows quarantined).");
                return ImportCommand.NothingImported;
            }

            return 0;
        });
        return command;
    }

    private static Command Show(Action<IHostApplicationBuilder> compose)
    {
        var week = CliWeek.Option();
        var output = OutputOptions.Format();
        var tables = OutputOptions.Table("teams", "agents", "leave");
        var command = new Command("show", "Print the teams and agents the reports use: loaded, or inferred from the tickets (agents active in the 12 weeks to the week's end).") { week, output, tables };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!OutputOptions.TryResolve(ShowName, parse.GetValue(output), out var format) || !OutputOptions.CheckTable(ShowName, parse.GetValue(tables), format))
            {
                return 2;
            }

            using var host = CliHost.Build(compose);
            if (CliWeek.Resolve(parse.GetValue(week), host.Services) is not { } target)
            {
                return 2;
            }

            // As of the week's end (a day later covers every time zone), as the reports of that week see it.
            var asOf = new DateTimeOffset(target.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var roster = await host.Services.GetRequiredService<RosterReader>().ReadAsync(asOf, cancellationToken);
            if (!roster.Loaded)
            {
                OutputWriter.Note(format, $"No roster has been loaded: the teams and agents {(format == OutputFormat.Table ? "below" : "shown")} are inferred from the tickets up to {target}. Contract hours are unknown; 'roster import FILE' loads them (see docs/roster.md).");
            }

            if (format != OutputFormat.Table)
            {
                return OutputWriter.Write(ShowName, Document(roster, target), format, parse.GetValue(tables));
            }

            var teams = new Table().Title("Teams").AddColumns("team", "managers", "time zone", "working hours", "shrinkage", "agents", "source");
            foreach (var team in roster.Teams)
            {
                teams.AddRow(
                    Markup.Escape(team.Name),
                    team.ManagerEmails.Count == 0 ? "unknown" : Markup.Escape(string.Join(", ", team.ManagerEmails)),
                    Assumed(Markup.Escape(team.TimeZone), team, TeamSettings.TimeZone),
                    Assumed(string.Create(CultureInfo.InvariantCulture, $"{team.WorkdayStart:HH:mm}-{team.WorkdayEnd:HH:mm}"), team, TeamSettings.WorkingHours),
                    Assumed(team.Shrinkage.ToString("0%", CultureInfo.InvariantCulture), team, TeamSettings.Shrinkage),
                    N(roster.AgentsOf(team.Name).Count()),
                    team.Inferred ? "inferred" : "loaded");
            }

            AnsiConsole.Write(teams);

            // Per-agent data is personal data: this is the operator's own store, shown to the operator only.
            var agents = new Table().Title("Agents").AddColumns("agent", "team", "contract hours", "start", "end", "manager", "recognition", "source");
            foreach (var agent in roster.Agents)
            {
                agents.AddRow(
                    Markup.Escape(agent.Name),
                    Markup.Escape(agent.Team),
                    agent.ContractHours is { } hours ? hours.ToString("0.#", CultureInfo.InvariantCulture) : "unknown",
                    agent.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                    agent.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(agent.ManagerEmail ?? "-"),
                    agent.RecognitionOptOut ? "opted out" : "yes",
                    agent.Inferred ? "inferred" : "loaded");
            }

            AnsiConsole.Write(agents);
            if (roster.Leave.Count > 0)
            {
                var leave = new Table().Title("Planned leave").AddColumns("agent", "from", "to", "hours per week");
                foreach (var entry in roster.Leave)
                {
                    leave.AddRow(
                        Markup.Escape(entry.Agent),
                        entry.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        entry.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        entry.HoursPerWeek is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) : "whole contract");
                }

                AnsiConsole.Write(leave);
            }

            return 0;
        });
        return command;
    }

    private const string ShowName = "roster show";

    /// <summary>
    /// The three tables of <c>roster show</c> with the same people and fields: null where the table says
    /// "unknown" or "-"; a setting the roster did not give is marked assumed beside its default.
    /// </summary>
    private static OutputDocument Document(RosterSnapshot roster, Analytics.Calendar.IsoWeek week)
    {
        var document = new OutputDocument().Property("week", week).Property("loaded", roster.Loaded);
        var teams = document.Table("teams", "team", "managerEmails", "timeZone", "timeZoneAssumed", "workdayStart", "workdayEnd", "workingHoursAssumed", "shrinkage", "shrinkageAssumed", "agents", "source");
        foreach (var team in roster.Teams)
        {
            teams.Add(
                team.Name,
                team.ManagerEmails.Count == 0 ? null : team.ManagerEmails.ToList(),
                team.TimeZone,
                !team.Given.HasFlag(TeamSettings.TimeZone),
                team.WorkdayStart,
                team.WorkdayEnd,
                !team.Given.HasFlag(TeamSettings.WorkingHours),
                team.Shrinkage,
                !team.Given.HasFlag(TeamSettings.Shrinkage),
                roster.AgentsOf(team.Name).Count(),
                team.Inferred ? "inferred" : "loaded");
        }

        var agents = document.Table("agents", "agent", "team", "contractHours", "startDate", "endDate", "managerEmail", "recognitionOptOut", "source");
        foreach (var agent in roster.Agents)
        {
            agents.Add(agent.Name, agent.Team, agent.ContractHours, agent.StartDate, agent.EndDate, agent.ManagerEmail, agent.RecognitionOptOut, agent.Inferred ? "inferred" : "loaded");
        }

        // hoursPerWeek null is the whole contract, as the table says: leave of every contracted hour, not an unknown figure.
        var leave = document.Table("leave", "agent", "from", "to", "hoursPerWeek", "wholeContract");
        foreach (var entry in roster.Leave)
        {
            leave.Add(entry.Agent, entry.From, entry.To, entry.HoursPerWeek, entry.HoursPerWeek is null);
        }

        return document;
    }

    /// <summary>A team setting the roster did not give reads as the default it stands in for, marked assumed.</summary>
    private static string Assumed(string value, Team team, TeamSettings setting) =>
        team.Given.HasFlag(setting) ? value : $"{value} (assumed)";

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
