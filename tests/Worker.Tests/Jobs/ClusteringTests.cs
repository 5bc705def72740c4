using System.Diagnostics;
using Analytics.Tests.Support;
using Npgsql;
using Worker.Tests.Support;
using Worker.Tests.Sync;

namespace Worker.Tests.Jobs;

/// <summary>
/// Two worker processes on one clustered PostgreSQL job store, syncing every two seconds from a PostgreSQL
/// source whose query can be slowed down at will (a pause read from a table in the source database).
/// </summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class ClusteringTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private ServiceNowSource _source = null!;
    private string _store = null!;
    private string _quartz = null!;

    public async Task InitializeAsync()
    {
        _source = await ServiceNowSource.CreateAsync(server);
        await _source.InsertAsync(first: 1, count: 10, updatedAfter: 0);
        await _source.ExecuteAsync("CREATE TABLE test_pause (seconds DOUBLE PRECISION NOT NULL); INSERT INTO test_pause VALUES (0);");
        _store = await server.CreateDatabaseAsync("store");
        _quartz = await server.CreateDatabaseAsync("quartz");
    }

    [Fact]
    public async Task TwoWorkers_FireEachScheduleOnce_AndTheSurvivorRecoversTheJobOfAKilledOne()
    {
        var shipped = await File.ReadAllTextAsync(ServiceNowSource.QueryFile);
        var query = _folder.File("servicenow-pausable.sql");
        await File.WriteAllTextAsync(query, $"""
            SELECT q.*, p.pause FROM ({shipped.Replace("ORDER BY t.sys_updated_on, t.number", string.Empty, StringComparison.Ordinal)}) q
            CROSS JOIN (SELECT length(CAST(pg_sleep((SELECT seconds FROM test_pause)) AS text)) AS pause) p
            ORDER BY q.updated_at, q.ticket_id
            """);

        await using var a = Start("node-a", query);
        await WaitForAsync(async () => (await RunsAsync()).Count >= 1, TimeSpan.FromSeconds(40), a);
        await using var b = Start("node-b", query);

        // Every two seconds one fire, run by one of the two.
        await Task.Delay(TimeSpan.FromSeconds(7));
        var runs = await RunsAsync();
        Assert.True(runs.Count >= 4, $"{runs.Count} runs in about 9 seconds");
        Assert.Equal(runs.Count, runs.Select(r => r.ScheduledFor).Distinct().Count());
        Assert.All(runs, r => Assert.Contains(r.Instance, (string[])["node-a", "node-b"]));

        // Now a run that takes long: kill the worker running it; the other takes the run over.
        await _source.ExecuteAsync("UPDATE test_pause SET seconds = 60");
        // A run that started after the pause was set reads it: it is still in its query when the worker dies.
        var paused = TimeProvider.System.GetUtcNow();
        Run? running = null;
        await WaitForAsync(async () => (running = (await RunsAsync()).FirstOrDefault(r => r.StartedAt > paused && r.FinishedAt is null)) is not null, TimeSpan.FromSeconds(20), a);
        await _source.ExecuteAsync("UPDATE test_pause SET seconds = 0");
        var (victim, survivor) = running!.Instance == "node-a" ? (a, "node-b") : (b, "node-a");
        victim.Kill();

        Run? recovered = null;
        await WaitForAsync(
            async () => (recovered = (await RunsAsync()).FirstOrDefault(r => r.Recovering && r.FinishedAt is not null)) is not null,
            TimeSpan.FromSeconds(30),
            running.Instance == "node-a" ? b : a);
        Assert.Equal(survivor, recovered!.Instance);
        // The recovery re-runs the killed firing: Quartz gives it the time that firing started.
        Assert.InRange(recovered.ScheduledFor - running.ScheduledFor, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.Equal("succeeded", recovered.Outcome);
    }

    private WorkerProcess Start(string instance, string query) => WorkerProcess.Start(_folder.Path, new Dictionary<string, string>
    {
        ["Store:Provider"] = "Postgres",
        ["Store:ConnectionString"] = server.ConnectionString(_store),
        ["Jobs:Store:Provider"] = "Postgres",
        ["Jobs:Store:ConnectionString"] = server.ConnectionString(_quartz),
        ["Jobs:Store:Clustered"] = "true",
        ["Jobs:Store:InstanceId"] = instance,
        ["Jobs:Store:CheckinInterval"] = "00:00:01",
        ["Jobs:Store:CheckinMisfireThreshold"] = "00:00:02",
        ["Jobs:Sync:Cron"] = "0/2 * * * * ?",
        ["Sync:Sources:0:Name"] = "snow",
        ["Sync:Sources:0:Provider"] = "Postgres",
        ["Sync:Sources:0:ConnectionString"] = _source.ConnectionString,
        ["Sync:Sources:0:QueryFile"] = query,
        ["Sync:MaxAttempts"] = "1",
        ["Delivery:PickupFolder"] = _folder.File("mail"),
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Quartz"] = "Warning",
    });

    private sealed record Run(string Instance, DateTimeOffset ScheduledFor, bool Recovering, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Outcome);

    private async Task<List<Run>> RunsAsync()
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString(_store));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT to_regclass('job_runs') IS NOT NULL", connection);
        if (!(bool)(await command.ExecuteScalarAsync())!)
        {
            return [];
        }

        command.CommandText = "SELECT instance_id, scheduled_fire_at, recovering, started_at, finished_at, outcome FROM job_runs WHERE job = 'sync' ORDER BY scheduled_fire_at";
        await using var reader = await command.ExecuteReaderAsync();
        var runs = new List<Run>();
        while (await reader.ReadAsync())
        {
            runs.Add(new Run(
                reader.GetString(0),
                reader.GetFieldValue<DateTimeOffset>(1),
                reader.GetBoolean(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return runs;
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout, WorkerProcess worker)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.False(worker.HasExited, $"The worker exited:\n{worker.Output}");
            Assert.True(clock.Elapsed < timeout, $"Not reached within {timeout}:\n{worker.Output}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        await _source.DisposeAsync();
        await server.DropDatabaseAsync(_store);
        await server.DropDatabaseAsync(_quartz);
    }

    public void Dispose() => _folder.Dispose();
}
