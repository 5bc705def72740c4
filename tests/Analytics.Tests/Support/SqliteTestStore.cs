using Analytics.Import;
using Analytics.Import.EventLog;
using Analytics.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Support;

/// <summary>A real SQLite store in a temp file, migrated, with the stores and the importer wired to it.</summary>
public sealed class SqliteTestStore : IDisposable
{
    private readonly TempDirectory _directory = new();

    public SqliteTestStore()
    {
        DatabasePath = _directory.File("store.db");
        Options = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = $"Data Source={DatabasePath};Pooling=False" };
        SchemaMigrator.Migrate(Options);
        Connections = DbConnectionFactory.Create(Options);
        Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
        Tickets = new TicketStore(Connections);
        Reference = new ReferenceStore(Connections);
        Activity = new ActivityStore(Connections);
        Ledger = new ImportLedger(Connections, Time);
        Importer = new CsvImporter(Tickets, Activity, Reference, Ledger, new ImportProfiles(), new EventLogImporter(Tickets, Ledger));
    }

    public string DatabasePath { get; }

    public StoreOptions Options { get; }

    public DbConnectionFactory Connections { get; }

    public FakeTimeProvider Time { get; }

    public TicketStore Tickets { get; }

    public ReferenceStore Reference { get; }

    public ActivityStore Activity { get; }

    public ImportLedger Ledger { get; }

    public CsvImporter Importer { get; }

    /// <summary>Writes <paramref name="content"/> to a file in the store's temp folder and returns its path.</summary>
    public string WriteFile(string name, string content, System.Text.Encoding? encoding = null)
    {
        var path = _directory.File(name);
        File.WriteAllText(path, content, encoding ?? new System.Text.UTF8Encoding(false));
        return path;
    }

    public string WriteBytes(string name, byte[] content)
    {
        var path = _directory.File(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public Task<ImportSummary> ImportAsync(string path, string profile, string? dateFormat = null, string? timeZone = null, string? mappingFile = null) =>
        Importer.ImportAsync(path, new ImportOptions { Profile = profile, DateFormat = dateFormat, TimeZone = timeZone, MappingFile = mappingFile }, null, CancellationToken.None);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
