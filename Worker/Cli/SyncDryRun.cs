using System.Globalization;
using Analytics.Import.Api;
using Analytics.Import.Sources;
using Spectre.Console;
using Worker.Checks;

namespace Worker.Cli;

/// <summary>
/// <c>sync --dry-run</c>: per API source, what a sync would read now (all changed pages, the roster) and a
/// sample of the mapping; nothing is stored and no watermark moves. Database sources are checked by <c>check</c>.
/// </summary>
public static class SyncDryRun
{
    private const int SampleSize = 3;

    public static async Task<int> RunAsync(ApiSourcePreview preview, IReadOnlyList<TicketSourceOptions> sources, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(sources);
        var failed = false;
        var c = CultureInfo.InvariantCulture;
        foreach (var source in sources)
        {
            var name = Markup.Escape(source.Name);
            if (!source.Provider.IsApi())
            {
                AnsiConsole.MarkupLine($"[grey]{name}[/]: a {source.Provider} database; `check` runs its query without storing anything.");
                continue;
            }

            try
            {
                var seen = await preview.ReadAsync(source, null, roster: true, SampleSize, cancellationToken);
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(c,
                    $"{source.Name}: {source.Provider} API at {source.Api.BaseUrl}: {seen.Records:N0} records changed since {seen.Since:yyyy-MM-dd HH:mm} UTC, {seen.Problems:N0} of them unreadable; roster: {seen.RosterRows ?? 0:N0} rows. Nothing was stored.")));
                foreach (var record in seen.Sample)
                {
                    AnsiConsole.MarkupLine("  " + Markup.Escape(ApiSampleText.Describe(record)));
                }

                foreach (var problem in seen.FirstProblems)
                {
                    AnsiConsole.MarkupLine("  [yellow]would be quarantined[/] " + Markup.Escape($"{problem.RecordKey} field '{problem.Field}': {problem.Reason}"));
                }
            }
            catch (SourceQueryException ex)
            {
                failed = true;
                await Console.Error.WriteLineAsync($"sync: {source.Name}: {ex.Message}");
            }
        }

        return failed ? SyncCommand.SourceFailed : 0;
    }
}
