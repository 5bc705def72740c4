using System.Data.Common;
using Analytics.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Worker.Cli;

namespace Worker.Checks;

/// <summary>
/// The store: it opens, and every migration this version ships has been applied. It does not migrate (the worker
/// and every other command do that at start), so a check changes nothing and says what an upgrade would do.
/// </summary>
public static class StoreCheck
{
    private const string Setting = StoreOptions.Section + ":ConnectionString";

    public static async Task<CheckResult> RunAsync(StoreOptions store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dialect = SqlDialect.For(store.Provider);
        DbConnection connection;
        try
        {
            connection = dialect.CreateConnection(store.ConnectionString);
        }
        catch (ArgumentException ex)
        {
            // Unreadable, not unreachable: a setting, reported as every command reports it (exit 3).
            throw new SettingException(Setting, "cannot be read", ex);
        }

        await using (connection)
        {
            if (store.Provider == StoreProvider.Sqlite && SqliteFile(store.ConnectionString) is { } file && !File.Exists(file))
            {
                return CheckResult.Failed("store", $"the SQLite file '{file}' does not exist; check {Setting}, or start the worker once to create it.");
            }

            try
            {
                await connection.OpenAsync(cancellationToken);
            }
            catch (Exception ex) when (StorePreflight.IsEnvironmental(ex))
            {
                return CheckResult.Failed("store", $"the store ({store.Provider}) cannot be opened: {ex.Message}; check {Setting} and that the database server runs.");
            }

            var shipped = typeof(SqlDialect).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith($"sql.{dialect.ScriptFolder}.", StringComparison.Ordinal))
                .ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<string> applied;
            try
            {
                applied = [.. await connection.QueryAsync<string>(new CommandDefinition($"SELECT ScriptName FROM {dialect.Table("SchemaVersions")}", cancellationToken: cancellationToken))];
            }
            catch (DbException)
            {
                return CheckResult.Failed("store", $"the store ({store.Provider}) opens but has no schema; start the worker once (it migrates the store at start).");
            }

            var missing = shipped.Except(applied, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                return CheckResult.Failed(
                    "store",
                    $"the schema is {missing.Count} migration(s) behind this version (first missing: {Script(missing[0])}); start the worker once (it migrates the store at start).");
            }

            return CheckResult.Ok("store", $"{store.Provider} store opens; schema current ({shipped.Count} migrations).");
        }
    }

    private static string Script(string resource) => resource.Split('.') is { Length: >= 3 } parts ? parts[^2] : resource;

    private static string? SqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }
}
