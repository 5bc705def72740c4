using System.CommandLine;
using Analytics.Privacy;
using Analytics.Roster;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reports.Documents;
using Spectre.Console;
using Worker.Reporting;

namespace Worker.Cli;

/// <summary><c>report weekly|appreciation|staffing [--team T] [--week W] [--out file.pdf]</c>: one report as a PDF, without mailing it.</summary>
public static class ReportCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var kind = new Argument<ReportKind>("kind") { Description = "weekly, appreciation or staffing." };
        var team = new Option<string?>("--team") { Description = "The team, or \"department\" (the default). A team's report holds its agents' figures: it is for the team's manager." };
        var week = CliWeek.Option();
        var asOf = CliAsOf.Option();
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the PDF (default: its standard name in the current folder)." };
        var command = new Command("report", "Write one report as a PDF.") { kind, team, week, output, asOf };
        command.SetAction(async (parse, cancellationToken) =>
        {
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

            var name = parse.GetValue(team);
            // The roster's teams, loaded or inferred from the tickets, as of the week's end (a day later covers every time zone).
            var weekEnd = new DateTimeOffset(target.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            var teams = (await host.Services.GetRequiredService<RosterReader>().ReadAsync(weekEnd, cancellationToken)).Teams.Select(t => t.Name).ToList();
            var department = host.Services.GetRequiredService<IOptions<WorkloadOptions>>().Value.DepartmentName;

            // "department" as the forecast command takes it, or the configured name; a team of that name comes first.
            if (name is not null && !teams.Contains(name, StringComparer.Ordinal)
                && (name.Equals("department", StringComparison.OrdinalIgnoreCase) || name.Equals(department, StringComparison.OrdinalIgnoreCase)))
            {
                name = null;
            }

            if (name is not null && !teams.Contains(name, StringComparer.Ordinal))
            {
                await Console.Error.WriteLineAsync($"report: no team named '{name}'. Teams: {string.Join(", ", teams)}; \"department\" (or no --team) for the whole department.");
                return 2;
            }

            var scope = name is null ? ReportScope.Department : ReportScope.ForTeam(name);
            var report = await AnsiConsole.Status().StartAsync($"Writing the {parse.GetValue(kind).ToString().ToLowerInvariant()} report for {target}", _ =>
                host.Services.GetRequiredService<ReportProduction>().ProduceOneAsync(parse.GetValue(kind), scope, target, cancellationToken));
            var path = parse.GetValue(output)?.FullName ?? Path.GetFullPath(report.FileName);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);

            // Never over an existing file: it may be the copy a reader was sent, or another report.
            if (File.Exists(path))
            {
                await Console.Error.WriteLineAsync($"report: {path} already exists; remove it or choose another file with --out.");
                return 2;
            }

            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                await file.WriteAsync(report.Pdf, cancellationToken);
            }

            AnsiConsole.MarkupLine($"{report.Pages} pages written to [bold]{Markup.Escape(path)}[/].");
            return 0;
        });
        return command;
    }
}
