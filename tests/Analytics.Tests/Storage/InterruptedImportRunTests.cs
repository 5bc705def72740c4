using System.Diagnostics;
using System.Globalization;
using Analytics.Import;
using Analytics.Storage;
using Analytics.Tests.Support;
using Dapper;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Storage;

/// <summary>
/// Import runs a killed process left open are marked interrupted at the next import, on SQLite and PostgreSQL;
/// a run whose process still works on it is not, whichever machine it is on. The owners are real processes:
/// one that has exited and one still running.
/// </summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class InterruptedImportRunTests(PostgresServer server) : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public static TheoryData<StoreProvider> Engines => [StoreProvider.Sqlite, StoreProvider.Postgres];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task NextImport_MarksTheRunOfAnExitedProcessInterrupted_AndTheRerunOfTheFileNamesIt(StoreProvider engine)
    {
        var (connections, cleanup) = await CreateStoreAsync(engine);
        try
        {
            using var ledger = new ImportLedger(connections, _time);
            var killed = await InsertOpenRunAsync(connections, "export.csv", "fp-1", await ExitedProcessAsync(), _time.GetUtcNow());

            var rerun = await ledger.StartRunAsync("export.csv", "fp-1", "servicenow", None);
            var other = await ledger.StartRunAsync("other.csv", "fp-2", "servicenow", None);

            var runs = (await ledger.GetRunsAsync(None)).ToDictionary(r => r.Id);
            Assert.Equal(ImportLedger.Interrupted, runs[killed].Outcome);
            Assert.Equal(killed, runs[rerun].ReplacesRunId);
            Assert.Null(runs[other].ReplacesRunId);
            Assert.Null(runs[rerun].Outcome);

            await ledger.FinishRunAsync(rerun, new ImportSummary("export.csv", 1, 1, 0, 0, 0, []), None);
            Assert.Equal(ImportLedger.Succeeded, (await ledger.GetRunsAsync(None)).Single(r => r.Id == rerun).Outcome);
        }
        finally
        {
            await cleanup();
        }
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task NextImport_LeavesRunsWhoseProcessStillWorks_HereOrOnAnotherMachine(StoreProvider engine)
    {
        var (connections, cleanup) = await CreateStoreAsync(engine);
        using var sleeper = Process.Start("sleep", "60");
        try
        {
            using var ledger = new ImportLedger(connections, _time);
            var now = _time.GetUtcNow();
            var running = await InsertOpenRunAsync(connections, "a.csv", "fp-a", Owner(Environment.MachineName, sleeper), now);
            var ownOpen = await new ImportLedger(connections, _time).StartRunAsync("b.csv", "fp-b", "servicenow", None);
            var remoteFresh = await InsertOpenRunAsync(connections, "c.csv", "fp-c", "other-host/4242/638000000000000000", now.AddSeconds(-30));
            var remoteSilent = await InsertOpenRunAsync(connections, "d.csv", "fp-d", "other-host/4243/638000000000000000", now - ImportLedger.StaleAfter - TimeSpan.FromSeconds(1));

            Assert.Equal(1, await ledger.MarkInterruptedAsync(None));

            var runs = (await ledger.GetRunsAsync(None)).ToDictionary(r => r.Id);
            Assert.Null(runs[running].Outcome);
            Assert.Null(runs[ownOpen].Outcome);
            Assert.Null(runs[remoteFresh].Outcome);
            Assert.Equal(ImportLedger.Interrupted, runs[remoteSilent].Outcome);
        }
        finally
        {
            sleeper.Kill();
            await cleanup();
        }
    }

    [Fact]
    public async Task RunningImport_KeepsItsHeartbeat_SoAnotherMachineDoesNotCallItInterrupted()
    {
        var (connections, cleanup) = await CreateStoreAsync(StoreProvider.Sqlite);
        try
        {
            using var ledger = new ImportLedger(connections, _time);
            var runId = await ledger.StartRunAsync("big.csv", "fp-big", "servicenow", None);

            // Five minutes of import: the heartbeat moves with it.
            for (var i = 0; i < 15; i++)
            {
                _time.Advance(ImportLedger.HeartbeatInterval);
                await WaitForHeartbeatAsync(connections, runId, _time.GetUtcNow());
            }

            Assert.True(ImportRunOwner.IsAlive("other-host/1/1", await HeartbeatAsync(connections, runId), _time.GetUtcNow(), ImportLedger.StaleAfter));
        }
        finally
        {
            await cleanup();
        }
    }

    private static async Task WaitForHeartbeatAsync(DbConnectionFactory connections, long runId, DateTimeOffset expected)
    {
        var clock = Stopwatch.StartNew();
        while (await HeartbeatAsync(connections, runId) < expected)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"no heartbeat at {expected:u}");
            await Task.Delay(20);
        }
    }

    private static async Task<DateTimeOffset> HeartbeatAsync(DbConnectionFactory connections, long runId)
    {
        await using var connection = await connections.OpenAsync(None);
        await using var reader = await connection.ExecuteReaderAsync($"SELECT heartbeat_at FROM {connections.Dialect.Table("import_runs")} WHERE id = @runId", new { runId });
        Assert.True(await reader.ReadAsync());
        return connections.Dialect.ReadInstant(reader, 0);
    }

    private static async Task<long> InsertOpenRunAsync(DbConnectionFactory connections, string file, string fingerprint, string owner, DateTimeOffset heartbeat)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenAsync(None);
        return await connection.ExecuteScalarAsync<long>(
            $"""
            INSERT INTO {dialect.Table("import_runs")} (file_name, file_fingerprint, profile, started_at, owner, heartbeat_at)
            VALUES (@file, @fingerprint, 'servicenow', @heartbeat, @owner, @heartbeat)
            RETURNING id
            """,
            new { file, fingerprint, owner, heartbeat = dialect.ToDb(heartbeat) });
    }

    /// <summary>The owner of a process that ran on this machine and has exited, as its import would have recorded it.</summary>
    private static async Task<string> ExitedProcessAsync()
    {
        using var process = Process.Start("sleep", "0.3");
        var owner = Owner(Environment.MachineName, process);
        await process.WaitForExitAsync();
        return owner;
    }

    private static string Owner(string host, Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}/{process.Id}/{process.StartTime.ToUniversalTime().Ticks}");

    private async Task<(DbConnectionFactory Connections, Func<Task> Cleanup)> CreateStoreAsync(StoreProvider engine)
    {
        if (engine == StoreProvider.Sqlite)
        {
            var options = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={_folder.File("store.db")};Pooling=False" };
            SchemaMigrator.Migrate(options);
            return (DbConnectionFactory.Create(options), () => Task.CompletedTask);
        }

        var database = await server.CreateDatabaseAsync("ledger");
        var postgres = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(database) };
        SchemaMigrator.Migrate(postgres);
        return (DbConnectionFactory.Create(postgres), async () =>
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        });
    }

    public void Dispose() => _folder.Dispose();
}
