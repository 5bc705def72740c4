using Analytics.Import;
using Analytics.Import.EventLog;
using Analytics.Storage;
using Analytics.Tests.Support;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Analytics.Tests.Import;

/// <summary>
/// Every file of the <see cref="HostileCorpus"/> through the real importer into SQLite and into PostgreSQL. Per
/// file: the outcome (refused with a message naming the file, nothing imported, or imported), the good rows
/// kept, each bad field quarantined with its line and a reason, the store intact (SQLite's integrity check,
/// counts that agree, no import left unfinished), and a rerun that writes and quarantines nothing new.
/// </summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class HostileCorpusTests(PostgresServer server)
{
    private static readonly Dictionary<string, HostileFile> Corpus = HostileCorpus.Files();

    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static string? _template;

    public static TheoryData<string> Cases => new(Corpus.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Corpus_HasAtLeastFortyFiles() => Assert.True(Corpus.Count >= 40, $"only {Corpus.Count} files");

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Sqlite(string name)
    {
        using var folder = new TempDirectory();
        var options = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={folder.File("store.db")};Pooling=False" };
        SchemaMigrator.Migrate(options);
        try
        {
            await ImportAndCheckAsync(name, DbConnectionFactory.Create(options), folder);

            await using var connection = new SqliteConnection(options.ConnectionString);
            await connection.OpenAsync();
            Assert.Equal("ok", await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check"));
            Assert.Empty(await connection.QueryAsync("PRAGMA foreign_key_check"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Postgres(string name)
    {
        var database = await CreateMigratedDatabaseAsync();
        using var folder = new TempDirectory();
        try
        {
            var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(database) };
            await ImportAndCheckAsync(name, DbConnectionFactory.Create(options), folder);
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    private static async Task ImportAndCheckAsync(string name, DbConnectionFactory connections, TempDirectory folder)
    {
        var file = Corpus[name];
        var path = folder.File(name + ".csv");
        await File.WriteAllBytesAsync(path, file.Content);
        var tickets = new TicketStore(connections);
        var ledger = new ImportLedger(connections, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero)));
        var importer = new CsvImporter(tickets, new ActivityStore(connections), new ReferenceStore(connections), ledger, new ImportProfiles(), new EventLogImporter(tickets, ledger));
        var options = new ImportOptions { Profile = "servicenow", TimeZone = "UTC" };

        if (file.Outcome == ImportOutcome.FileError)
        {
            var error = await Assert.ThrowsAsync<ImportFileException>(() => importer.ImportAsync(path, options, null, CancellationToken.None));
            Assert.Contains(name + ".csv", error.Message, StringComparison.Ordinal);
            Assert.Contains(file.MessageHolds!, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(error.Message, c => char.IsControl(c));
            Assert.Equal((0L, 0L, 0L), await CountsAsync(connections));
            return;
        }

        var summary = await importer.ImportAsync(path, options, null, CancellationToken.None);

        Assert.Equal(file.Outcome, summary.Good == 0 ? ImportOutcome.NothingImported : ImportOutcome.Imported);
        var expectedLines = file.Quarantined.Select(q => q.Line).Distinct().Count();
        Assert.Equal(expectedLines, summary.Quarantined);
        var quarantine = await ledger.GetQuarantineAsync(null, CancellationToken.None);
        foreach (var (line, field) in file.Quarantined)
        {
            Assert.Contains(quarantine, q => q.Line == line && (field is null || q.Field == field) && q.FileName == name + ".csv" && q.Reason.Length > 0);
        }

        Assert.All(quarantine, q => Assert.Contains(file.Quarantined, e => e.Line == q.Line));
        Assert.All(quarantine, q => Assert.DoesNotContain(q.ToString(), c => char.IsControl(c)));
        if (file.ReasonHolds is { } reason)
        {
            Assert.Contains(quarantine, q => q.Reason.Contains(reason, StringComparison.Ordinal));
        }

        foreach (var id in file.GoodIds)
        {
            Assert.NotNull(await tickets.GetAsync("servicenow", id, CancellationToken.None));
        }

        if (file.StoredTitle is { } title)
        {
            Assert.Equal(title, (await tickets.GetAsync("servicenow", file.StoredId!, CancellationToken.None))!.Title);
        }

        // The store agrees with itself: one ticket per good key, the quarantine holds the file's rows, every run finished.
        var counts = await CountsAsync(connections);
        Assert.Equal((file.GoodIds.Distinct().LongCount(), (long)quarantine.Count, 0L), counts);

        var again = await importer.ImportAsync(path, options, null, CancellationToken.None);

        Assert.Equal((0L, summary.Quarantined, summary.Good), (again.Inserted + again.Updated, again.Quarantined, again.Good));
        Assert.Equal(counts, await CountsAsync(connections));
    }

    /// <summary>Tickets, quarantined fields, and import runs started but never finished.</summary>
    private static async Task<(long Tickets, long Quarantined, long Unfinished)> CountsAsync(DbConnectionFactory connections)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(CancellationToken.None);
        return (
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {d.Table("tickets")}"),
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {d.Table("quarantine")}"),
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {d.Table("import_runs")} WHERE finished_at IS NULL"));
    }

    /// <summary>A new database copied from one migrated once: the corpus needs a fresh store per file, not the migrations per file.</summary>
    private async Task<string> CreateMigratedDatabaseAsync()
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (_template is null)
            {
                var template = await server.CreateDatabaseAsync("hostile_template");
                SchemaMigrator.Migrate(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(template) });
                NpgsqlConnection.ClearAllPools();
                _template = template;
            }

            var name = "hostile_" + Guid.NewGuid().ToString("N");
            await using var connection = new NpgsqlConnection(server.ConnectionString("postgres") + ";Pooling=false");
            await connection.OpenAsync();
            await connection.ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{_template}\"");
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }
}
