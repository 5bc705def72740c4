using Analytics.Import;
using Analytics.Import.EventLog;
using Analytics.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Storage;

/// <summary>A migrated store on one real engine, with every store class wired to it and a fake clock.</summary>
public sealed class StoreUnderTest : IAsyncDisposable
{
    private readonly Func<ValueTask> _cleanup;

    public StoreUnderTest(StoreOptions options, FakeTimeProvider time, Func<ValueTask> cleanup)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Time = time;
        _cleanup = cleanup;
        Connections = DbConnectionFactory.Create(options);
        Tickets = new TicketStore(Connections);
        Reference = new ReferenceStore(Connections);
        Activity = new ActivityStore(Connections);
        Ledger = new ImportLedger(Connections, Time);
    }

    /// <summary>The clock the store's ledger reads: 2026-11-23 07:00 UTC unless advanced.</summary>
    public static FakeTimeProvider NewClock() => new(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));

    public StoreOptions Options { get; }

    public DbConnectionFactory Connections { get; }

    public SqlDialect Dialect => Connections.Dialect;

    public FakeTimeProvider Time { get; }

    public TicketStore Tickets { get; }

    public ReferenceStore Reference { get; }

    public ActivityStore Activity { get; }

    public ImportLedger Ledger { get; }

    /// <summary>The file importer on this store, every profile included.</summary>
    public CsvImporter CreateImporter() =>
        new(Tickets, Activity, Reference, Ledger, new ImportProfiles(), new EventLogImporter(Tickets, Ledger));

    public ValueTask DisposeAsync() => _cleanup();
}
