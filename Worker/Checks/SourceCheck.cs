using System.Data.Common;
using Analytics.Import.Sources;
using Analytics.Storage;
using Worker.Cli;

namespace Worker.Checks;

/// <summary>
/// One sync source: its query file is read, its database opens, and its query runs and returns the columns a
/// sync needs. The query is run for changes after the year 3000, a window with no rows, so the check reads
/// nothing and changes nothing (not even the watermark).
/// </summary>
public static class SourceCheck
{
    /// <summary>The columns without which a sync cannot map a row (as the sync itself requires them).</summary>
    private static readonly string[] Required = ["ticket_id", "kind", "opened_at", "updated_at"];

    private static readonly DateTimeOffset Empty = new(3000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<CheckResult> RunAsync(TicketSourceOptions source, int index, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var subject = $"source '{source.Name}'";
        var setting = $"{SyncOptions.Section}:Sources:{index}";
        string query;
        try
        {
            query = await File.ReadAllTextAsync(source.QueryFile, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return CheckResult.Failed(subject, $"the query file '{source.QueryFile}' cannot be read: {ex.Message}; check {setting}:QueryFile.");
        }

        var dialect = SqlDialect.For(source.Provider.Database());
        DbConnection connection;
        try
        {
            connection = dialect.CreateConnection(source.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            throw new SettingException($"{setting}:ConnectionString", "cannot be read", ex);
        }

        await using (connection)
        {
            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (Exception ex) when (StorePreflight.IsEnvironmental(ex))
            {
                return CheckResult.Failed(subject, $"its database ({source.Provider}) cannot be reached: {ex.Message}; check {setting}:ConnectionString and that the server runs.");
            }

            var zone = TimeZoneInfo.TryFindSystemTimeZoneById(source.TimeZone ?? string.Empty, out var found) ? found : TimeZoneInfo.Utc;
            await using var command = connection.CreateCommand();
            command.CommandText = query;
            command.CommandTimeout = (int)Math.Ceiling(timeout.TotalSeconds);
            var since = command.CreateParameter();
            since.ParameterName = "@since";
            since.Value = dialect.ToSourceInstant(Empty, zone);
            command.Parameters.Add(since);
            try
            {
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var missing = Required.Where(c => !columns.Contains(c)).ToList();
                if (missing.Count > 0)
                {
                    return CheckResult.Failed(subject, $"the query in '{source.QueryFile}' returns no column {string.Join(", ", missing.Select(m => $"'{m}'"))}; see docs/sync-sources.md for the columns a query returns.");
                }
            }
            catch (DbException ex)
            {
                return CheckResult.Failed(subject, $"the query in '{source.QueryFile}' fails: {ex.Message}; fix the query (try it in a SQL client with @since set), see docs/sync-sources.md.");
            }

            return CheckResult.Ok(subject, $"{source.Provider} database reached; the query in '{source.QueryFile}' runs and returns the needed columns.");
        }
    }
}
