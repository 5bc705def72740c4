using Analytics.Storage;
using Analytics.Tests.Support;

namespace Analytics.Tests.Storage;

/// <summary>The store test set on PostgreSQL, in a new database per test on the throwaway server.</summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class PostgresStoreTests(PostgresServer server) : StoreContractTests
{
    protected override async Task<StoreUnderTest> CreateStoreAsync()
    {
        var database = await server.CreateDatabaseAsync("store");
        var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(database) };
        SchemaMigrator.Migrate(options);
        return new StoreUnderTest(options, StoreUnderTest.NewClock(), () => new ValueTask(server.DropDatabaseAsync(database)));
    }
}
