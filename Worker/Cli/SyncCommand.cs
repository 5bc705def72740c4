using System.CommandLine;
using Analytics.Import.Api;
using Analytics.Import.Sources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Worker.Cli;

/// <summary><c>sync [--source NAME]</c>: one sync run now, outside the schedule, with a progress bar and a summary per source.</summary>
public static class SyncCommand
{
    public const int SourceFailed = 1;

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var only = new Option<string?>("--source") { Description = "Sync only this source (its Sync:Sources name)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Read what each API source changed since its watermark and show a sample of the mapping; store nothing." };
        var command = new Command("sync", "Pull changed tickets from the configured ticketing databases and APIs now.") { only, dryRun };
        command.SetAction(async (parse, cancellationToken) =>
        {
            using (var host = CliHost.Build(compose))
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

                if (parse.GetValue(dryRun))
                {
                    return await SyncDryRun.RunAsync(host.Services.GetRequiredService<ApiSourcePreview>(), sources, cancellationToken);
                }

                var results = await SyncWithProgressAsync(sync, sources, cancellationToken);

                var table = new Table().AddColumns("source", "read", "new", "updated", "unchanged", "quarantined", "watermark", "result");
                foreach (var r in results)
                {
                    table.AddRow(
                        Markup.Escape(r.Source), $"{r.RowsRead:N0}", $"{r.Inserted:N0}", $"{r.Updated:N0}", $"{r.Unchanged:N0}", $"{r.Quarantined:N0}",
                        r.Watermark?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? "-",
                        r.Succeeded ? (r.HasFutureRows ? $"[yellow]ok, {r.InFuture:N0} in the future[/]" : "ok") : $"[red]failed after {r.Attempts} attempts[/]");
                }

                AnsiConsole.Write(table);
                foreach (var early in results.Where(r => r.HasFutureRows))
                {
                    AnsiConsole.MarkupLine(
                        $"[yellow]{Markup.Escape(early.Source)}[/]: {early.InFuture:N0} rows have an updated_at later than now plus Sync:ClockSkew; " +
                        "they are quarantined, did not move the watermark and are synced once that time has passed. Check the source's clock and time zone.");
                }

                foreach (var failed in results.Where(r => !r.Succeeded))
                {
                    await Console.Error.WriteLineAsync($"sync: {failed.Source}: {failed.Error}");
                }

                return results.All(r => r.Succeeded) ? 0 : SourceFailed;
            }
        });
        return command;
    }

    /// <summary>One progress bar per source: the share of the changed period read so far, and the rows read.</summary>
    private static async Task<List<SourceSyncResult>> SyncWithProgressAsync(TicketSync sync, List<TicketSourceOptions> sources, CancellationToken cancellationToken) =>
        await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var results = new List<SourceSyncResult>();
                foreach (var source in sources)
                {
                    var name = Markup.Escape(source.Name);
                    var task = context.AddTask($"Syncing {name}", maxValue: 1000);
                    task.IsIndeterminate = true;
                    var progress = new InlineProgress(p =>
                    {
                        task.Description = $"Syncing {name}: {p.RowsRead:N0} rows";
                        if (p.Fraction is { } fraction)
                        {
                            task.IsIndeterminate = false;
                            task.Value = Math.Max(task.Value, fraction * task.MaxValue);
                        }
                    });
                    var result = await sync.SyncAsync(source, progress, cancellationToken);
                    task.Description = $"Synced {name}: {result.RowsRead:N0} rows";
                    task.IsIndeterminate = false;
                    task.Value = task.MaxValue;
                    results.Add(result);
                }

                return results;
            });

    /// <summary>Reports on the syncing thread itself, so no late report can overwrite the final state of the bar.</summary>
    private sealed class InlineProgress(Action<SyncProgress> report) : IProgress<SyncProgress>
    {
        public void Report(SyncProgress value) => report(value);
    }
}
