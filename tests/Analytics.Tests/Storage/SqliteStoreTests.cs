using Analytics.Tests.Support;

namespace Analytics.Tests.Storage;

/// <summary>The store test set on SQLite, in a temp file per test.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var sqlite = new SqliteTestStore();
        return Task.FromResult(new StoreUnderTest(sqlite.Options, sqlite.Time, () =>
        {
            sqlite.Dispose();
            return ValueTask.CompletedTask;
        }));
    }
}
