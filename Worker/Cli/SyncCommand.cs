using System.CommandLine;
using Analytics.Import.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>sync [--source NAME]</c>: one sync run now, outside the schedule, with a summary per source.</summary>
public static class SyncCommand
{
    public const int SourceFailed = 1;

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var only = new Option<string?>("--source") { Description = "Sync only this source (its Sync:Sources name)." };
        var command = new Command("sync", "Pull changed tickets from the configured ticketing databases now.") { only };
        command.SetAction(async (parse, cancellationToken) =>
        {
            IHost host;
            try
            {
                host = CliHost.Build(compose);
            }
            catch (Exception ex) when (ConfigurationErrors.TryDescribe(ex, out var message))
            {
                await Console.Error.WriteLineAsync($"sync: {message}");
                return ConfigurationErrors.ExitCode;
            }

            using (host)
            {
                var sync = host.Services.GetRequiredService<TicketSync>();
                var sources = host.Services.GetRequiredService<IOptions<SyncOptions>>().Value.Sources.Where(s => s.Enabled).ToList();
                if (parse.GetValue(only) is { } name)
                {
                    sources = sources.Where(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
                    if (sources.Count == 0)
                    {
                        await Console.Error.WriteLineAsync($"sync: no enabled source '{name}' in Sync:Sources.");
                        return SourceFailed;
                    }
                }

                if (sources.Count == 0)
                {
                    await Console.Error.WriteLineAsync("sync: no sources are configured (Sync:Sources); see docs/sync-sources.md.");
                    return SourceFailed;
                }

                var results = new List<SourceSyncResult>();
                foreach (var source in sources)
                {
                    results.Add(await sync.SyncAsync(source, cancellationToken));
                }

                var table = new Table().AddColumns("source", "read", "new", "updated", "unchanged", "quarantined", "watermark", "result");
                foreach (var r in results)
                {
                    table.AddRow(
                        Markup.Escape(r.Source), $"{r.RowsRead:N0}", $"{r.Inserted:N0}", $"{r.Updated:N0}", $"{r.Unchanged:N0}", $"{r.Quarantined:N0}",
                        r.Watermark?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                        r.Succeeded ? "ok" : $"[red]failed after {r.Attempts} attempts[/]");
                }

                AnsiConsole.Write(table);
                foreach (var failed in results.Where(r => !r.Succeeded))
                {
                    await Console.Error.WriteLineAsync($"sync: {failed.Source}: {failed.Error}");
                }

                return results.All(r => r.Succeeded) ? 0 : SourceFailed;
            }
        });
        return command;
    }
}
