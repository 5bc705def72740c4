using System.Diagnostics;
using System.Globalization;
using Analytics.Import;
using Analytics.Import.Sources;
using Analytics.Storage;
using Analytics.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Worker.Hosting;
using Worker.Tests.Support;

namespace Worker.Tests.Sync;

/// <summary>Incremental sync from a real PostgreSQL ticketing database (ServiceNow-like) into the embedded store.</summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class PostgresSourceSyncTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private ServiceNowSource _source = null!;

    public async Task InitializeAsync() => _source = await ServiceNowSource.CreateAsync(server);

    private Dictionary<string, string?> Settings(string? connectionString = null, string? queryFile = null)
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Sync:Sources:0:Name"] = "snow";
        settings["Sync:Sources:0:Provider"] = "Postgres";
        settings["Sync:Sources:0:ConnectionString"] = connectionString ?? _source.ConnectionString;
        settings["Sync:Sources:0:QueryFile"] = queryFile ?? ServiceNowSource.QueryFile;
        settings["Sync:BatchSize"] = "40";
        settings["Sync:MaxAttempts"] = "3";
        settings["Sync:RetryDelay"] = "00:00:00.1";
        return settings;
    }

    [Fact]
    public async Task ThreeIncrementalRuns_WithInsertsAndUpdatesBetween_LeaveTheStoreEqualToTheSource()
    {
        using var host = Host(Settings());
        var sync = host.Services.GetRequiredService<TicketSync>();

        await _source.InsertAsync(first: 1, count: 100, updatedAfter: 0);
        var first = await sync.SyncAllAsync(default);
        Assert.Equal(await _source.ExpectedAsync(), await StoreAsync(host));

        await _source.InsertAsync(first: 101, count: 30, updatedAfter: 200);
        await _source.ResolveAsync(first: 10, count: 20, updatedAfter: 300);
        var second = await sync.SyncAllAsync(default);
        Assert.Equal(await _source.ExpectedAsync(), await StoreAsync(host));

        await _source.ResolveAsync(first: 95, count: 20, updatedAfter: 400);
        await _source.InsertAsync(first: 131, count: 5, updatedAfter: 500);
        var third = await sync.SyncAllAsync(default);
        Assert.Equal(await _source.ExpectedAsync(), await StoreAsync(host));

        Assert.Equal((100L, 0L), (first.Sources[0].Inserted, first.Sources[0].Updated));
        Assert.Equal((30L, 20L), (second.Sources[0].Inserted, second.Sources[0].Updated));
        Assert.Equal((5L, 20L), (third.Sources[0].Inserted, third.Sources[0].Updated));
        Assert.True(second.Sources[0].RowsRead < 100, "the second run reads only what changed since the watermark, less the overlap");
        Assert.Equal(new DateTimeOffset(ServiceNowSource.Epoch.AddMinutes(504), TimeSpan.Zero), third.Sources[0].Watermark);
    }

    [Fact]
    public async Task RunWithoutChanges_ReadsOnlyTheOverlapAndWritesNothing()
    {
        using var host = Host(Settings());
        var sync = host.Services.GetRequiredService<TicketSync>();
        await _source.InsertAsync(first: 1, count: 60, updatedAfter: 0);
        await sync.SyncAllAsync(default);

        var again = (await sync.SyncAllAsync(default)).Sources[0];

        Assert.True(again.Succeeded);
        Assert.Equal(10, again.RowsRead);
        Assert.Equal((0L, 0L, 10L), (again.Inserted, again.Updated, again.Unchanged));
    }

    [Fact]
    public async Task UnreadableRow_IsQuarantinedNamingSourceTicketAndField_AndTheOthersAreSynced()
    {
        using var host = Host(Settings());
        await _source.InsertAsync(first: 1, count: 10, updatedAfter: 0);
        await _source.ExecuteAsync("UPDATE task SET sys_class_name = 'u_facilities_request' WHERE number = 'INC0000004'");

        var result = (await host.Services.GetRequiredService<TicketSync>().SyncAllAsync(default)).Sources[0];

        Assert.Equal((9L, 1L), (result.Inserted, result.Quarantined));
        var row = Assert.Single(await host.Services.GetRequiredService<ImportLedger>().GetQuarantineAsync(null, default));
        Assert.Equal(("snow ticket INC0000004", "kind", "u_facilities_request"), (row.FileName, row.Field, row.RawValue));
        Assert.Contains("not a ticket kind", row.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceDown_RetriesWithBackoff_ThenReportsAndKeepsStoreAndWatermark()
    {
        using (var healthy = Host(Settings()))
        {
            await _source.InsertAsync(first: 1, count: 10, updatedAfter: 0);
            await healthy.Services.GetRequiredService<TicketSync>().SyncAllAsync(default);
        }

        var down = $"Host=127.0.0.1;Port={FreePort()};Username=postgres;Database={_source.Database};Timeout=2";
        using var host = Host(Settings(connectionString: down));
        var clock = Stopwatch.StartNew();

        var result = (await host.Services.GetRequiredService<TicketSync>().SyncAllAsync(default)).Sources[0];

        Assert.False(result.Succeeded);
        Assert.Equal(3, result.Attempts);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(300), $"two waits of 0.1 s and 0.2 s between three attempts; took {clock.Elapsed}");
        Assert.Equal(new DateTimeOffset(ServiceNowSource.Epoch.AddMinutes(9), TimeSpan.Zero), result.Watermark);
        var state = await host.Services.GetRequiredService<SyncStateStore>().GetAsync("snow", default);
        Assert.NotNull(state?.LastError);
        Assert.Equal(result.Watermark, state.Watermark);
        Assert.Equal(10, await host.Services.GetRequiredService<TicketStore>().CountAsync(default));
    }

    [Fact]
    public async Task SyncProcessKilledMidRun_RestartConvergesToTheSourceWithoutDuplicates()
    {
        await _source.InsertAsync(first: 1, count: 2000, updatedAfter: 0);

        // The shipped query, with a pause on each row as it streams out, so the kill lands between batches.
        var slowQuery = _folder.File("servicenow-slow.sql");
        var shipped = await File.ReadAllTextAsync(ServiceNowSource.QueryFile);
        await File.WriteAllTextAsync(slowQuery, $"SELECT q.*, length(CAST(pg_sleep(0.002) AS text)) AS pause FROM ({shipped.Replace("ORDER BY t.sys_updated_on, t.number", string.Empty, StringComparison.Ordinal)}) q ORDER BY q.updated_at, q.ticket_id");
        var settings = Settings(queryFile: slowQuery).Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);

        await using (var worker = WorkerProcess.Start(_folder.Path, settings, "sync"))
        {
            await WaitForAsync(() => SyncedRows() >= 600, TimeSpan.FromSeconds(60), worker);
            worker.Kill();
        }

        var partial = SyncedRows();
        Assert.InRange(partial, 600, 1999);

        await using (var restarted = WorkerProcess.Start(_folder.Path, settings, "sync"))
        {
            Assert.Equal(0, await restarted.WaitForExitAsync(TimeSpan.FromSeconds(90)));
        }

        using var host = Host(Settings());
        Assert.Equal(await _source.ExpectedAsync(), await StoreAsync(host));
        Assert.Equal(2000, await host.Services.GetRequiredService<TicketStore>().CountAsync(default));
        Assert.Empty(await host.Services.GetRequiredService<ImportLedger>().GetQuarantineAsync(null, default));
    }

    private long SyncedRows()
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={_folder.File("analytics.db")};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(SUM(rows_synced), 0) FROM sync_state";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet, or busy
        }
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, WorkerProcess worker)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.False(worker.HasExited, $"The sync finished before it could be killed:\n{worker.Output}");
            Assert.True(clock.Elapsed < timeout, $"Not reached within {timeout}:\n{worker.Output}");
            await Task.Delay(20);
        }
    }

    private static IHost Host(IReadOnlyDictionary<string, string?> settings)
    {
        var host = TestSettings.BuildHost(settings);
        StoreMigration.Prepare(host.Services.GetRequiredService<IOptions<StoreOptions>>().Value, null);
        return host;
    }

    private static async Task<IReadOnlyList<string>> StoreAsync(IHost host)
    {
        var rows = new List<string>();
        await foreach (var t in host.Services.GetRequiredService<TicketStore>().ReadAllAsync(default))
        {
            rows.Add(ServiceNowSource.Row(t.TicketId, t.Title, t.Team, t.Assignee, t.UpdatedAt, t.ResolvedAt));
        }

        return rows;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync() => await _source.DisposeAsync();

    public void Dispose() => _folder.Dispose();
}
