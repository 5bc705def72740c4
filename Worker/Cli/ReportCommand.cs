using System.CommandLine;
using Analytics.Privacy;
using Analytics.Roster;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Reports.Documents;
using Reports.Email;
using Spectre.Console;
using Worker.Reporting;

namespace Worker.Cli;

/// <summary>
/// <c>report weekly|appreciation|staffing [--team T] [--week W] [--out file.pdf] [--preview [file.html]]</c>:
/// one report as a PDF, or its mail as an HTML file to open in a browser, without mailing it.
/// </summary>
public static class ReportCommand
{
    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var kind = new Argument<ReportKind>("kind") { Description = "weekly, appreciation or staffing." };
        var team = new Option<string?>("--team") { Description = "The team, or \"department\" (the default). A team's report holds its agents' figures: it is for the team's manager." };
        var week = CliWeek.Option();
        var asOf = CliAsOf.Option();
        var output = new Option<FileInfo?>("--out") { Description = "Where to write the PDF (default: its standard name in the current folder)." };
        var preview = new Option<FileInfo?>("--preview")
        {
            Description = "Write the mail as an HTML file to open in a browser (charts inline) instead of the PDF; with --out, the PDF too. Default file: the report's name with .html.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("report", "Write one report as a PDF, or preview its mail.") { kind, team, week, output, preview, asOf };
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
            if (parse.GetResult(preview) is not null)
            {
                var htmlPath = parse.GetValue(preview)?.FullName ?? Path.GetFullPath(Path.ChangeExtension(report.FileName, ".html"));
                if (!await WriteNewAsync(htmlPath, System.Text.Encoding.UTF8.GetBytes(MailPreview.Html(report.Email, Path.GetFileName(report.FileName))), "--preview FILE", cancellationToken))
                {
                    return 2;
                }

                AnsiConsole.MarkupLine($"Mail preview ([bold]{Markup.Escape(report.Email.Subject)}[/]) written to [bold]{Markup.Escape(htmlPath)}[/]; open it in a browser.");
                if (parse.GetValue(output) is null)
                {
                    return 0;
                }
            }

            var path = parse.GetValue(output)?.FullName ?? Path.GetFullPath(report.FileName);
            if (!await WriteNewAsync(path, report.Pdf, "--out", cancellationToken))
            {
                return 2;
            }

            AnsiConsole.MarkupLine($"{report.Pages} pages written to [bold]{Markup.Escape(path)}[/].");
            return 0;
        });
        return command;
    }

    // Never over an existing file: it may be the copy a reader was sent, or another report.
    private static async Task<bool> WriteNewAsync(string path, byte[] content, string option, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path))
        {
            await Console.Error.WriteLineAsync($"report: {path} already exists; remove it or choose another file with {option}.");
            return false;
        }

        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        await file.WriteAsync(content, cancellationToken);
        return true;
    }
}
