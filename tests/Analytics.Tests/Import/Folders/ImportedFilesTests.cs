using System.IO.Hashing;
using System.Text;
using Analytics.Import;
using Analytics.Import.EventLog;
using Analytics.Import.Folders;
using Analytics.Storage;
using Analytics.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Import.Folders;

/// <summary>The ledger's answer to "was this content imported?", on SQLite and on a real PostgreSQL server.</summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class ImportedFilesTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _folder = new();

    public static TheoryData<StoreProvider> Engines => [StoreProvider.Sqlite, StoreProvider.Postgres];

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task CompletedImport_IsFoundByContentAndProfile_WithItsFiguresAndFirstBadRows(StoreProvider engine)
    {
        var (connections, cleanup) = await CreateStoreAsync(engine);
        try
        {
            var path = _folder.File("export.csv");
            await File.WriteAllTextAsync(path, FolderImportTests.Export, new UTF8Encoding(false));
            using var ledger = new ImportLedger(connections, new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)));
            var tickets = new TicketStore(connections);
            var importer = new CsvImporter(tickets, new ActivityStore(connections), new ReferenceStore(connections), ledger, new ImportProfiles(), new EventLogImporter(tickets, ledger));
            var fingerprint = Convert.ToHexStringLower(XxHash128.Hash(await File.ReadAllBytesAsync(path)));
            var files = new ImportedFiles(connections);
            Assert.Null(await files.FindAsync(fingerprint, "topdesk", CancellationToken.None));

            await importer.ImportAsync(path, new ImportOptions { Profile = "topdesk" }, null, CancellationToken.None);

            var earlier = await files.FindAsync(fingerprint, "topdesk", CancellationToken.None);
            Assert.NotNull(earlier);
            Assert.Equal("export.csv", earlier.FileName);
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero), earlier.FinishedAt);
            Assert.Equal((3L, 2L, 0L, 0L, 1L), (earlier.Summary.RowsRead, earlier.Summary.Inserted, earlier.Summary.Updated, earlier.Summary.Unchanged, earlier.Summary.Quarantined));
            Assert.StartsWith("export.csv:4: field 'Call date': ", Assert.Single(earlier.Summary.FirstProblems).ToString(), StringComparison.Ordinal);
            Assert.Null(await files.FindAsync(fingerprint, "servicenow", CancellationToken.None));
        }
        finally
        {
            await cleanup();
        }
    }

    public void Dispose() => _folder.Dispose();

    private async Task<(DbConnectionFactory Connections, Func<Task> Cleanup)> CreateStoreAsync(StoreProvider engine)
    {
        if (engine == StoreProvider.Sqlite)
        {
            var options = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={_folder.File("store.db")};Pooling=False" };
            SchemaMigrator.Migrate(options);
            return (DbConnectionFactory.Create(options), () => Task.CompletedTask);
        }

        var database = await server.CreateDatabaseAsync("folders");
        var postgres = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(database) };
        SchemaMigrator.Migrate(postgres);
        return (DbConnectionFactory.Create(postgres), async () =>
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        });
    }
}
