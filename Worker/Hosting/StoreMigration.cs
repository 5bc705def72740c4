using Analytics.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Worker.Jobs;

namespace Worker.Hosting;

/// <summary>
/// Creates or upgrades the store's schema at start, before the scheduler runs a job against it, and makes the
/// folders of embedded SQLite files (store and job store) so a fresh checkout needs nothing prepared.
/// </summary>
public sealed class StoreMigration(IOptions<StoreOptions> store, IOptions<JobsOptions> jobs) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Prepare(store.Value, jobs.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public static void Prepare(StoreOptions store, JobsOptions? jobs)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (store.Provider == StoreProvider.Sqlite)
        {
            EnsureSqliteFolder(store.ConnectionString);
        }

        if (jobs?.Store is { Provider: StoreProvider.Sqlite } jobStore)
        {
            EnsureSqliteFolder(jobStore.ConnectionString);
        }

        SchemaMigrator.Migrate(store);
    }

    private static void EnsureSqliteFolder(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
