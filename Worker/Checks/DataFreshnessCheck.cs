using Analytics.Import.Sources;
using Analytics.Storage;
using Dapper;

namespace Worker.Checks;

/// <summary>
/// Per source in the store: how old its newest ticket change is. Older than <see cref="CheckOptions.StaleAfter"/>
/// means the sync stopped or the source stopped changing: Monday's reports would show last week's silence as a
/// quiet week. That fails for a sync source (the worker should keep it fresh) and warns for a source only ever
/// imported by hand (the demo's, a one-off export). An enabled sync source with no tickets at all fails too; a
/// disabled one is not looked at.
/// </summary>
public static class DataFreshnessCheck
{
    public static async Task<IReadOnlyList<CheckResult>> RunAsync(
        IDbConnectionFactory connections, SyncOptions sync, CheckOptions check, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connections);
        ArgumentNullException.ThrowIfNull(sync);
        ArgumentNullException.ThrowIfNull(check);
        var dialect = connections.Dialect;
        var newest = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        await using (var connection = await connections.OpenAsync(cancellationToken))
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT source, MAX(updated_at) FROM {dialect.Table("tickets")} GROUP BY source ORDER BY source",
            cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (!reader.IsDBNull(1))
                {
                    newest[reader.GetString(0)] = dialect.ReadInstant(reader, 1);
                }
            }
        }

        var disabled = sync.Sources.Where(s => !s.Enabled).Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var results = new List<CheckResult>();
        foreach (var (source, changed) in newest.Where(n => !disabled.Contains(n.Key)))
        {
            var age = now - changed;
            var subject = $"data of '{source}'";
            var synced = sync.Sources.Any(s => s.Enabled && string.Equals(s.Name, source, StringComparison.Ordinal));
            var stale = $"no data for {(int)age.TotalDays} days (newest change {changed:yyyy-MM-dd HH:mm} UTC, {CheckOptions.Section}:StaleAfter is {Describe(check.StaleAfter)}); ";
            results.Add(age <= check.StaleAfter
                ? CheckResult.Ok(subject, $"newest change {Describe(age)} ago ({changed:yyyy-MM-dd HH:mm} UTC).")
                : synced
                    ? CheckResult.Failed(subject, stale + "check that the sync job runs ('jobs list') and what 'sync' says.")
                    // Imported by hand, it is as fresh as its last import: worth knowing, not a fault of the worker.
                    : CheckResult.Warning(subject, stale + "it is imported, not synced: import a newer export, or configure it in Sync:Sources."));
        }

        foreach (var source in sync.Sources.Where(s => s.Enabled && !newest.ContainsKey(s.Name)))
        {
            results.Add(CheckResult.Failed($"data of '{source.Name}'", "no tickets from this sync source in the store; run 'sync' and read what it says."));
        }

        if (results.Count == 0)
        {
            results.Add(CheckResult.Failed("data", "the store holds no tickets; import an export ('import') or configure Sync:Sources and run 'sync'."));
        }

        return results;
    }

    private static string Describe(TimeSpan span) => span.TotalDays >= 1
        ? $"{span.TotalDays:0.#} days"
        : span.TotalHours >= 1 ? $"{span.TotalHours:0} h" : $"{Math.Max(0, span.TotalMinutes):0} min";
}
