using Analytics.Import;
using Analytics.Import.Sources;
using Analytics.Storage;
using Analytics.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using Worker.Hosting;
using Worker.Tests.Support;

namespace Worker.Tests.Sync;

/// <summary>
/// Source rows and settings that used to make <see cref="TicketSync.SyncAsync(TicketSourceOptions, CancellationToken)"/>
/// throw (placeholder dates, dates past 9999, a bad zone or layout): each is now a quarantined row, or a failed run
/// recorded in sync_state.last_error and in the result, and the good rows are synced.
/// </summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class HostileSourceSyncTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _folder = new();

    private string SourceFile => _folder.File("source.db");

    private static string ShippedQuery => Path.Combine(AppContext.BaseDirectory, "sql", "sources", "canonical-sqlite.sql");

    [Theory]
    [InlineData("Europe/Amsterdam")]
    [InlineData("America/New_York")]
    public async Task SqliteSource_PlaceholderDates_QuarantineTheirRows_AndTheGoodRowsSync(string zone)
    {
        SqliteSource(
            ("T1", "2026-07-01 10:00:00", "2026-07-01 12:00:00"),
            ("T2", "9999-12-31 23:59:59", "2026-07-01 12:01:00"),
            ("T3", "0001-01-01 00:00:00", "2026-07-01 12:02:00"),
            ("T4", "2026-07-01 10:00:00", "9999-12-31 23:59:59"),
            ("T5", "2026-07-01 11:00:00", "2026-07-01 12:03:00"));
        using var host = Host(SqliteSettings(zone));

        var result = (await host.Services.GetRequiredService<TicketSync>().SyncAllAsync(default)).Sources[0];

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((5L, 2L, 3L), (result.RowsRead, result.Inserted, result.Quarantined));
        var quarantine = await host.Services.GetRequiredService<ImportLedger>().GetQuarantineAsync(null, default);
        Assert.Equal(
            [("legacy ticket T2", "opened_at"), ("legacy ticket T3", "opened_at"), ("legacy ticket T4", "updated_at")],
            quarantine.Select(q => (q.FileName, q.Field)).Order());
        Assert.All(quarantine, q => Assert.Contains("1900-2999", q.Reason, StringComparison.Ordinal));
        var state = await host.Services.GetRequiredService<SyncStateStore>().GetAsync("legacy", default);
        Assert.Null(state!.LastError);
    }

    public static TheoryData<string, object, string> RunLevelFaults => new()
    {
        { "TimeZone", "Mars/Olympus_Mons", "TimeZone 'Mars/Olympus_Mons' is not a known time zone" },
        { "DateFormat", "", "DateFormat must not be empty" },

        // No check names this one: the run's catch-all records it.
        { "Provider", (SourceProvider)99, "no connector for provider '99'" },
    };

    [Theory]
    [MemberData(nameof(RunLevelFaults))]
    public async Task RunLevelFault_IsRecordedInLastError_AndReturned_NotThrown(string setting, object value, string expected)
    {
        SqliteSource(("T1", "2026-07-01 10:00:00", "2026-07-01 12:00:00"));
        using var host = Host(SqliteSettings("UTC"));
        var source = host.Services.GetRequiredService<IOptions<SyncOptions>>().Value.Sources[0];
        typeof(TicketSourceOptions).GetProperty(setting)!.SetValue(source, value);

        var result = await host.Services.GetRequiredService<TicketSync>().SyncAsync(source, default);

        Assert.False(result.Succeeded);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        var state = await host.Services.GetRequiredService<SyncStateStore>().GetAsync("legacy", default);
        Assert.Contains(expected, state!.LastError, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<TicketStore>().GetAsync("legacy", "T1", default));
    }

    [Fact]
    public async Task PostgresSource_InfinityAndYearOne_QuarantineTheirRows_AndTheGoodRowsSync()
    {
        var database = await server.CreateDatabaseAsync("hostile_source");
        try
        {
            var connectionString = server.ConnectionString(database);
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = """
                    CREATE TABLE t (id text, opened timestamp, closed timestamptz, updated timestamp);
                    INSERT INTO t VALUES
                        ('P1', '2026-07-01 10:00', NULL, '2026-07-01 12:00'),
                        ('P2', 'infinity', NULL, '2026-07-01 12:01'),
                        ('P3', '0001-01-01 00:00', NULL, '2026-07-01 12:02'),
                        ('P4', '2026-07-01 10:00', '-infinity', '2026-07-01 12:03'),
                        ('P5', '2026-07-01 10:00', '9999-12-31 23:59:59+00', '2026-07-01 12:04'),
                        ('P6', '2026-07-01 11:00', NULL, '2026-07-01 12:05');
                    """;
                await command.ExecuteNonQueryAsync();
            }

            var query = _folder.File("pg.sql");
            await File.WriteAllTextAsync(query, """
                SELECT id AS ticket_id, 'incident' AS kind, NULL AS title, NULL AS category, NULL AS subcategory, NULL AS priority,
                       NULL AS channel, NULL AS team, NULL AS assignee, NULL AS resolved_by, opened AS opened_at,
                       NULL::timestamp AS first_response_at, NULL::timestamp AS resolved_at, closed AS closed_at, NULL::timestamp AS due_at,
                       NULL::boolean AS sla_breached, 0 AS reopen_count, 0 AS reassignment_count, false AS proactive,
                       NULL::int AS time_spent_minutes, NULL AS problem_id, NULL AS caused_by_change, updated AS updated_at
                FROM t WHERE updated > @since ORDER BY updated
                """);
            var settings = TestSettings.Embedded(_folder.Path);
            settings["Sync:Sources:0:Name"] = "pg";
            settings["Sync:Sources:0:Provider"] = "Postgres";
            settings["Sync:Sources:0:ConnectionString"] = connectionString;
            settings["Sync:Sources:0:QueryFile"] = query;
            settings["Sync:Sources:0:TimeZone"] = "Europe/Amsterdam";
            settings["Sync:MaxAttempts"] = "1";
            using var host = Host(settings);

            var result = (await host.Services.GetRequiredService<TicketSync>().SyncAllAsync(default)).Sources[0];

            Assert.True(result.Succeeded, result.Error);
            Assert.Equal((6L, 2L, 4L), (result.RowsRead, result.Inserted, result.Quarantined));
            var quarantine = await host.Services.GetRequiredService<ImportLedger>().GetQuarantineAsync(null, default);
            Assert.Equal(
                [("pg ticket P2", "opened_at"), ("pg ticket P3", "opened_at"), ("pg ticket P4", "closed_at"), ("pg ticket P5", "closed_at")],
                quarantine.Select(q => (q.FileName, q.Field)).Order());
            Assert.NotNull(await host.Services.GetRequiredService<TicketStore>().GetAsync("pg", "P6", default));
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    private Dictionary<string, string?> SqliteSettings(string zone)
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Sync:Sources:0:Name"] = "legacy";
        settings["Sync:Sources:0:Provider"] = "Sqlite";
        settings["Sync:Sources:0:ConnectionString"] = $"Data Source={SourceFile};Pooling=False";
        settings["Sync:Sources:0:QueryFile"] = ShippedQuery;
        settings["Sync:Sources:0:TimeZone"] = zone;
        settings["Sync:Overlap"] = "00:00:00";
        settings["Sync:MaxAttempts"] = "1";
        return settings;
    }

    private void SqliteSource(params (string Id, string Opened, string Updated)[] rows)
    {
        using var connection = new SqliteConnection($"Data Source={SourceFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS tickets (
                ticket_id TEXT PRIMARY KEY, kind TEXT, title TEXT, category TEXT, subcategory TEXT, priority TEXT, channel TEXT,
                team TEXT, assignee TEXT, resolved_by TEXT, opened_at TEXT, first_response_at TEXT, resolved_at TEXT, closed_at TEXT,
                due_at TEXT, sla_breached INTEGER, reopen_count INTEGER, reassignment_count INTEGER, proactive TEXT,
                time_spent_minutes INTEGER, problem_id TEXT, caused_by_change TEXT, updated_at TEXT)
            """;
        command.ExecuteNonQuery();
        foreach (var row in rows)
        {
            command.CommandText = "INSERT INTO tickets (ticket_id, kind, opened_at, updated_at) VALUES ($id, 'incident', $opened, $updated)";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", row.Id);
            command.Parameters.AddWithValue("$opened", row.Opened);
            command.Parameters.AddWithValue("$updated", row.Updated);
            command.ExecuteNonQuery();
        }
    }

    private static IHost Host(IReadOnlyDictionary<string, string?> settings)
    {
        var host = TestSettings.BuildHost(settings);
        StoreMigration.Prepare(host.Services.GetRequiredService<IOptions<StoreOptions>>().Value, null);
        return host;
    }

    public void Dispose() => _folder.Dispose();
}
