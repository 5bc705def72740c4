using Analytics.Import;
using Analytics.Import.Sources;
using Analytics.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Worker.Hosting;
using Worker.Tests.Support;

namespace Worker.Tests.Sync;

/// <summary>A SQLite source read through the shipped canonical-sqlite.sql: text times, local zones, a broken query.</summary>
public sealed class SqliteSourceSyncTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private string SourceFile => _folder.File("source.db");

    private Dictionary<string, string?> Settings(string queryFile)
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Sync:Sources:0:Name"] = "legacy";
        settings["Sync:Sources:0:Provider"] = "Sqlite";
        settings["Sync:Sources:0:ConnectionString"] = $"Data Source={SourceFile};Pooling=False";
        settings["Sync:Sources:0:QueryFile"] = queryFile;
        settings["Sync:Sources:0:TimeZone"] = "Europe/Amsterdam";
        settings["Sync:Overlap"] = "00:00:00";
        return settings;
    }

    private static string ShippedQuery => Path.Combine(AppContext.BaseDirectory, "sql", "sources", "canonical-sqlite.sql");

    [Fact]
    public async Task LocalTimesAreReadInTheSourceZone_AndTimesWithAnOffsetAsTheyAre()
    {
        Source(
            ("T1", "incident", "2026-07-01 10:00:00", "2026-07-01 12:00:00", "yes"),
            ("T2", "request", "2026-07-01T10:00:00Z", "2026-07-01T12:00:00+02:00", "0"));
        using var host = Host(Settings(ShippedQuery));

        var result = (await host.Services.GetRequiredService<TicketSync>().SyncAllAsync(default)).Sources[0];

        Assert.True(result.Succeeded, result.Error);
        var store = host.Services.GetRequiredService<TicketStore>();
        var local = await store.GetAsync("legacy", "T1", default);
        var offset = await store.GetAsync("legacy", "T2", default);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero), local!.OpenedAt);
        Assert.True(local.Proactive);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), offset!.OpenedAt);
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), offset.UpdatedAt);
        Assert.False(offset.Proactive);
    }

    [Fact]
    public async Task SecondRun_ReadsOnlyRowsChangedAfterTheWatermark()
    {
        Source(("T1", "incident", "2026-07-01 10:00:00", "2026-07-01 12:00:00", "0"));
        using var host = Host(Settings(ShippedQuery));
        var sync = host.Services.GetRequiredService<TicketSync>();
        await sync.SyncAllAsync(default);

        Source(("T2", "incident", "2026-07-02 10:00:00", "2026-07-02 12:00:00", "0"));
        var second = (await sync.SyncAllAsync(default)).Sources[0];

        Assert.Equal((1L, 1L), (second.RowsRead, second.Inserted));
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 10, 0, 0, TimeSpan.Zero), second.Watermark);
    }

    [Fact]
    public async Task QueryWithoutARequiredColumn_FailsAtOnceNamingTheColumnAndTheFile()
    {
        Source(("T1", "incident", "2026-07-01 10:00:00", "2026-07-01 12:00:00", "0"));
        var query = _folder.File("broken.sql");
        await File.WriteAllTextAsync(query, "SELECT ticket_id, kind, opened_at FROM tickets WHERE datetime(updated_at) > datetime(@since)");
        using var host = Host(Settings(query));

        var result = (await host.Services.GetRequiredService<TicketSync>().SyncAllAsync(default)).Sources[0];

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.Attempts);
        Assert.Contains($"the query in {query} returns no column 'updated_at'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FutureUpdatedAt_IsQuarantinedAndReported_TheWatermarkStaysWithinNowPlusSkew_AndLaterRowsStillSync()
    {
        // Now is 2026-07-02 10:00 UTC (12:00 in Amsterdam); T2 says it changed a day from now.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 2, 10, 0, 0, TimeSpan.Zero));
        Source(
            ("T1", "incident", "2026-07-01 10:00:00", "2026-07-01 12:00:00", "0"),
            ("T2", "incident", "2026-07-01 11:00:00", "2026-07-03 12:00:00", "0"));
        using var host = Host(Settings(ShippedQuery), clock);
        var sync = host.Services.GetRequiredService<TicketSync>();
        var limit = clock.GetUtcNow() + TimeSpan.FromMinutes(5);

        var first = (await sync.SyncAllAsync(default)).Sources[0];

        Assert.True(first.Succeeded, first.Error);
        Assert.Equal((2L, 1L, 1L, 1L), (first.RowsRead, first.Inserted, first.Quarantined, first.InFuture));
        Assert.Equal(new DateTimeOffset(2026, 7, 1, 10, 0, 0, TimeSpan.Zero), first.Watermark);
        Assert.True(first.Watermark <= limit);
        var row = Assert.Single(await host.Services.GetRequiredService<ImportLedger>().GetQuarantineAsync(null, default));
        Assert.Equal(("legacy ticket T2", "updated_at", "2026-07-03 10:00:00Z"), (row.FileName, row.Field, row.RawValue));
        Assert.Contains("in the future", row.Reason, StringComparison.Ordinal);
        Assert.Null(await host.Services.GetRequiredService<TicketStore>().GetAsync("legacy", "T2", default));

        // An hour later T3 changes: the watermark did not jump to T2's time, so T3 is synced; T2 is still early.
        clock.Advance(TimeSpan.FromHours(1));
        Source(("T3", "request", "2026-07-02 11:30:00", "2026-07-02 12:30:00", "0"));
        var second = (await sync.SyncAllAsync(default)).Sources[0];

        Assert.Equal((1L, 1L), (second.Inserted, second.InFuture));
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 10, 30, 0, TimeSpan.Zero), second.Watermark);
        Assert.NotNull(await host.Services.GetRequiredService<TicketStore>().GetAsync("legacy", "T3", default));

        // Once T2's time has come it is synced like any other row.
        clock.SetUtcNow(new DateTimeOffset(2026, 7, 3, 10, 0, 0, TimeSpan.Zero));
        var third = (await sync.SyncAllAsync(default)).Sources[0];

        Assert.Equal((1L, 0L, 0L), (third.Inserted, third.Quarantined, third.InFuture));
        Assert.Equal(new DateTimeOffset(2026, 7, 3, 10, 0, 0, TimeSpan.Zero), third.Watermark);
    }

    [Fact]
    public async Task WatermarkAlreadyInTheFuture_IsSetBackToTheLastSyncedRow_SoRowsChangedSinceAreSynced()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 7, 2, 10, 0, 0, TimeSpan.Zero));
        Source(("T1", "incident", "2026-07-01 10:00:00", "2026-07-01 12:00:00", "0"));
        using var host = Host(Settings(ShippedQuery), clock);
        var sync = host.Services.GetRequiredService<TicketSync>();
        await sync.SyncAllAsync(default);

        // As a run before the clock-skew rule could leave it: a row from a clock years ahead carried it to 2031.
        var future = new DateTimeOffset(2031, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await host.Services.GetRequiredService<SyncStateStore>().AdvanceAsync("legacy", future, 1, default);
        Source(("T2", "incident", "2026-07-02 09:00:00", "2026-07-02 11:00:00", "0"));

        var result = (await sync.SyncAllAsync(default)).Sources[0];

        Assert.Equal(1L, result.Inserted);
        Assert.Equal(new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero), result.Watermark);
    }

    [Theory]
    [InlineData("-00:01:00")]
    [InlineData("2.00:00:00")]
    public void ClockSkewOutOfRange_StopsTheStartNamingTheSetting(string skew)
    {
        var settings = Settings(ShippedQuery);
        settings["Sync:ClockSkew"] = skew;

        using var host = Host(settings);

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<SyncOptions>>().Value);

        Assert.Contains("Sync:ClockSkew", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RosterQuery_StoresTheAgentsAfterTheTickets_QuarantinesABadRow_AndARerunChangesNothing()
    {
        Source(("T1", "incident", "2026-07-01 10:00:00", "2026-07-01 12:00:00", "0"));
        using (var connection = new SqliteConnection($"Data Source={SourceFile};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE staff (login TEXT, grp TEXT, hours REAL, started TEXT, left_on TEXT);
                INSERT INTO staff VALUES ('Anna Jansen', 'Service Desk', 32.5, '2024-02-01', NULL),
                                         ('Bram de Boer', 'Workplace', NULL, NULL, '2026-06-30'),
                                         ('Chris Smit', 'Network', 99, NULL, NULL);
                """;
            command.ExecuteNonQuery();
        }

        var roster = _folder.File("roster.sql");
        await File.WriteAllTextAsync(roster, """SELECT login AS "Name", grp AS "Team", hours AS "Contract hours", started AS "Start date", left_on AS "End date" FROM staff""");
        var settings = Settings(ShippedQuery);
        settings["Sync:Sources:0:RosterQueryFile"] = roster;
        using var host = Host(settings);
        var sync = host.Services.GetRequiredService<TicketSync>();

        var result = (await sync.SyncAllAsync(default)).Sources[0];
        var again = await host.Services.GetRequiredService<Analytics.Roster.RosterSync>().SyncAsync(host.Services.GetRequiredService<IOptions<SyncOptions>>().Value.Sources[0], default);

        Assert.True(result.Succeeded, result.Error);
        var agents = await host.Services.GetRequiredService<ReferenceStore>().GetAgentsAsync(default);
        Assert.Equal(
            [("Anna Jansen", "Service Desk", 32.5m, new DateOnly(2024, 2, 1), (DateOnly?)null), ("Bram de Boer", "Workplace", null, null, new DateOnly(2026, 6, 30))],
            agents.Select(a => (a.Name, a.Team, a.ContractHours, a.StartDate, a.EndDate)));
        var quarantined = Assert.Single(await host.Services.GetRequiredService<ImportLedger>().GetQuarantineAsync(null, default));
        Assert.Equal(("legacy roster query", 3L, "Contract hours", "99"), (quarantined.FileName, quarantined.Line, quarantined.Field, quarantined.RawValue));
        Assert.Equal((0L, 0L, 2L, 1L), (again!.Added, again.Changed, again.Unchanged, again.Quarantined));
    }

    private void Source(params (string Id, string Kind, string Opened, string Updated, string Proactive)[] rows)
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
            command.CommandText = "INSERT INTO tickets (ticket_id, kind, opened_at, updated_at, proactive, channel) VALUES ($id, $kind, $opened, $updated, $proactive, 'walk-in')";
            command.Parameters.Clear();
            command.Parameters.AddWithValue("$id", row.Id);
            command.Parameters.AddWithValue("$kind", row.Kind);
            command.Parameters.AddWithValue("$opened", row.Opened);
            command.Parameters.AddWithValue("$updated", row.Updated);
            command.Parameters.AddWithValue("$proactive", row.Proactive);
            command.ExecuteNonQuery();
        }
    }

    private static IHost Host(IReadOnlyDictionary<string, string?> settings, TimeProvider? clock = null)
    {
        var host = TestSettings.BuildHost(settings, clock is null ? null : services => services.AddSingleton(clock));
        StoreMigration.Prepare(host.Services.GetRequiredService<IOptions<StoreOptions>>().Value, null);
        return host;
    }

    public void Dispose() => _folder.Dispose();
}
