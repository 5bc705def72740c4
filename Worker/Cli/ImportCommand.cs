using System.CommandLine;
using System.Text;
using Analytics.Import;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>import &lt;file&gt; --profile P</c>: one export file into the store, with a progress bar and a summary.</summary>
public static class ImportCommand
{
    /// <summary>Exit code when the file itself could not be read or nothing in it could be imported.</summary>
    public const int NothingImported = 1;

    public const int FileUnreadable = 2;

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var file = new Argument<FileInfo>("file") { Description = "The export file: CSV, or an XES event log (.xes, .xes.gz)." };
        var profile = new Option<string>("--profile", "-p")
        {
            Description = "Which system the export comes from: servicenow, jira, topdesk, zendesk or generic.",
            Required = true,
        };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Mapping file (JSON) for the generic profile." };
        var source = new Option<string?>("--source") { Description = "Source name stored with the tickets (default: the profile name)." };
        var dateFormat = new Option<string?>("--date-format") { Description = "Date layout: iso, d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy, yyyy/MM/dd, yyyy.MM.dd, dd-MMM-yyyy, M/d/yyyy or a .NET format (default: detected)." };
        var timeZone = new Option<string?>("--time-zone") { Description = "Time zone of the export's times (default: each team's zone, else Europe/Amsterdam)." };
        var delimiter = new Option<string?>("--delimiter") { Description = "Field delimiter: ',', ';', 'tab' (default: detected)." };
        var encoding = new Option<string?>("--encoding") { Description = "utf-8 or windows-1252 (default: detected)." };

        var command = new Command("import", "Import a ticketing system's export into the store.")
        {
            file, profile, mapping, source, dateFormat, timeZone, delimiter, encoding,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            ImportOptions options;
            try
            {
                options = new ImportOptions
                {
                    Profile = parse.GetRequiredValue(profile),
                    MappingFile = parse.GetValue(mapping)?.FullName,
                    Source = parse.GetValue(source),
                    DateFormat = parse.GetValue(dateFormat),
                    TimeZone = parse.GetValue(timeZone),
                    Delimiter = ParseDelimiter(parse.GetValue(delimiter)),
                    Encoding = ParseEncoding(parse.GetValue(encoding)),
                };
            }
            catch (ArgumentException ex)
            {
                await Console.Error.WriteLineAsync($"import: {ex.Message}");
                return FileUnreadable;
            }

            return await RunAsync(compose, parse.GetRequiredValue(file), options, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(Action<IHostApplicationBuilder> compose, FileInfo file, ImportOptions options, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(compose);
        var importer = host.Services.GetRequiredService<CsvImporter>();
        ImportSummary summary;
        try
        {
            summary = await AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask($"Importing {Markup.Escape(file.Name)}", maxValue: Math.Max(1, file.Exists ? file.Length : 1));
                    var progress = new Progress<ImportProgress>(p => task.Value = p.BytesRead);
                    var result = await importer.ImportAsync(file.FullName, options, progress, cancellationToken);
                    task.Value = task.MaxValue;
                    return result;
                });
        }
        catch (ImportFileException ex)
        {
            await Console.Error.WriteLineAsync($"import: {ex.Message}");
            return FileUnreadable;
        }

        PrintSummary(summary);
        if (summary.Good == 0)
        {
            await Console.Error.WriteLineAsync($"import: {summary.FileName}: nothing could be imported ({summary.Quarantined:N0} rows quarantined).");
            return NothingImported;
        }

        return 0;
    }

    private static void PrintSummary(ImportSummary s)
    {
        var table = new Table().AddColumns("read", "imported", "updated", "unchanged", "quarantined");
        table.AddRow($"{s.RowsRead:N0}", $"{s.Inserted:N0}", $"{s.Updated:N0}", $"{s.Unchanged:N0}", $"{s.Quarantined:N0}");
        AnsiConsole.Write(table);
        if (s.EventLog is { } log)
        {
            AnsiConsole.MarkupLine(
                $"Event log: {log.EventsRead:N0} events of {log.Cases:N0} cases (one ticket each); {log.EventsDerived:N0} ticket events (status changes and hand-overs), {log.EventsNew:N0} of them new.");
        }

        foreach (var note in s.Notes)
        {
            AnsiConsole.MarkupLine($"[yellow]note[/] {Markup.Escape(note)}");
        }

        if (s.FutureKept > 0)
        {
            AnsiConsole.MarkupLine($"[yellow]{s.FutureKept:N0} rows kept[/] although a time lies more than a day ahead (Import:FutureTimes = Keep); they do not move the reports' \"Data as of\".");
        }

        foreach (var problem in s.FirstProblems)
        {
            AnsiConsole.MarkupLine($"[yellow]quarantined[/] {Markup.Escape(problem.ToString())}");
        }

        if (s.Quarantined > s.FirstProblems.Count)
        {
            AnsiConsole.MarkupLine($"... and more: every quarantined row is in the store's quarantine table with file, line, field, raw value and reason.");
        }
    }

    internal static char? ParseDelimiter(string? text) => text switch
    {
        null or "" => null,
        "tab" or "\\t" => '\t',
        { Length: 1 } => text[0],
        _ => throw new ArgumentException($"--delimiter must be one character or 'tab', not '{text}'."),
    };

    internal static Encoding? ParseEncoding(string? text) => text?.ToLowerInvariant() switch
    {
        null or "" => null,
        "utf-8" or "utf8" => FileSniffer.LenientUtf8,
        "windows-1252" or "cp1252" or "1252" => FileSniffer.Windows1252,
        _ => throw new ArgumentException($"--encoding must be utf-8 or windows-1252, not '{text}'."),
    };
}
