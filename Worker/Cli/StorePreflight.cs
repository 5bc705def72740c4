using System.Data.Common;
using System.Net.Sockets;
using Analytics.Storage;
using Microsoft.Data.Sqlite;
using Worker.Hosting;
using Worker.Jobs;

namespace Worker.Cli;

/// <summary>
/// Makes the store and the job store ready before a command (or the worker) uses them, one step at a time, so
/// a failure names the setting at fault and what could not be done with it: the connection string read, the
/// SQLite file's folder created, the store opened and migrated, the job store reached.
/// </summary>
public static class StorePreflight
{
    private const string StoreSetting = StoreOptions.Section + ":ConnectionString";
    private const string JobStoreSetting = JobsOptions.Section + ":Store:ConnectionString";

    /// <summary>
    /// The store is opened and migrated; the job store's connection string is read and its SQLite folder made,
    /// and it is connected to only when <paramref name="connectJobStore"/> (the worker and <c>jobs</c> need it;
    /// an import does not wait for a scheduler database it never touches).
    /// </summary>
    public static void Prepare(StoreOptions store, JobsOptions? jobs, bool connectJobStore)
    {
        ArgumentNullException.ThrowIfNull(store);
        var dialect = SqlDialect.For(store.Provider);
        Step(StoreSetting, "cannot be read", () => dialect.CreateConnection(store.ConnectionString).Dispose());
        if (jobs is not null)
        {
            Step(JobStoreSetting, "cannot be read", () => SqlDialect.For(jobs.Store.Provider).CreateConnection(jobs.Store.ConnectionString).Dispose());
        }

        if (store.Provider == StoreProvider.Sqlite)
        {
            EnsureFolder(StoreSetting, store.ConnectionString);
        }

        if (jobs?.Store is { Provider: StoreProvider.Sqlite } sqliteJobStore)
        {
            EnsureFolder(JobStoreSetting, sqliteJobStore.ConnectionString);
        }

        Step(StoreSetting, Opening("the store", store), () => StoreMigration.Prepare(store, null));

        if (jobs is not null && connectJobStore)
        {
            var jobStore = SqlDialect.For(jobs.Store.Provider);
            try
            {
                using var connection = jobStore.CreateConnection(jobs.Store.ConnectionString);
                connection.Open();
            }
            catch (Exception ex) when (IsEnvironmental(ex))
            {
                throw new SettingException(JobStoreSetting, Opening("the job store", new StoreOptions { Provider = jobs.Store.Provider, ConnectionString = jobs.Store.ConnectionString }), ex);
            }
        }
    }

    /// <summary>A fault of the place a setting points at (server, file, credentials), not of the program.</summary>
    internal static bool IsEnvironmental(Exception exception) => exception is DbException or SocketException or IOException
        or UnauthorizedAccessException or TimeoutException or ArgumentException or StoreMigrationException
        || (exception is InvalidOperationException && exception.InnerException is { } inner && IsEnvironmental(inner));

    private static string Opening(string what, StoreOptions store)
    {
        if (store.Provider != StoreProvider.Sqlite)
        {
            return $"{what} ({store.Provider}) cannot be opened";
        }

        // A SQLite file is opened by path: the operator needs the path this process resolved it to.
        var path = SqliteDataSource(store.ConnectionString);
        return path is null ? $"{what} cannot be opened" : $"{what} '{path}' cannot be opened (it must be a file this user can create and write)";
    }

    private static void Step(string setting, string problem, Action action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (IsEnvironmental(ex))
        {
            throw new SettingException(setting, problem, ex);
        }
    }

    private static void EnsureFolder(string setting, string connectionString)
    {
        if (SqliteDataSource(connectionString) is not { } path)
        {
            return;
        }

        var folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Step(setting, $"the folder '{folder}' cannot be created", () => Directory.CreateDirectory(folder));
        }
    }

    /// <summary>
    /// A folder the worker writes into later (reports, mail files): made now, so a path that cannot be created
    /// stops the start with its setting's name rather than failing Monday's reports.
    /// </summary>
    public static void EnsureOutputFolder(string setting, string folder)
    {
        if (string.IsNullOrWhiteSpace(folder))
        {
            return;
        }

        var full = folder;
        Step(setting, $"the folder '{folder}' cannot be created", () =>
        {
            full = Path.GetFullPath(folder);
            Directory.CreateDirectory(full);
        });
    }

    /// <summary>The full path of a SQLite file, or null for an in-memory database.</summary>
    private static string? SqliteDataSource(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        return string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:" || builder.Mode == SqliteOpenMode.Memory
            ? null
            : Path.GetFullPath(builder.DataSource);
    }
}
