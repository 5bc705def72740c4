using Analytics.Storage;
using Microsoft.Data.SqlClient;

namespace Analytics.Tests.Storage;

/// <summary>
/// The store test set on SQL Server, when <c>ANALYTICS_TEST_SQLSERVER</c> holds a connection string
/// (reported as skipped otherwise). Each test migrates a new database on that server and drops it after.
/// </summary>
[RequiresEnvironmentVariable(ConnectionStringVariable, "a SQL Server connection string (a login that may create databases)")]
public sealed class SqlServerStoreTests : StoreContractTests
{
    public const string ConnectionStringVariable = "ANALYTICS_TEST_SQLSERVER";

    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var server = Environment.GetEnvironmentVariable(ConnectionStringVariable)
            ?? throw new InvalidOperationException($"{ConnectionStringVariable} is not set.");
        var database = "analytics_test_" + Guid.NewGuid().ToString("N");
        var connectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = database }.ConnectionString;
        var options = new StoreOptions { Provider = StoreProvider.SqlServer, ConnectionString = connectionString };
        SchemaMigrator.Migrate(options);
        return Task.FromResult(new StoreUnderTest(options, StoreUnderTest.NewClock(), () => new ValueTask(DropAsync(server, database))));
    }

    private static async Task DropAsync(string server, string database)
    {
        SqlConnection.ClearAllPools();
        await using var connection = new SqlConnection(new SqlConnectionStringBuilder(server) { InitialCatalog = "master" }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            IF DB_ID(N'{database}') IS NOT NULL
            BEGIN
                ALTER DATABASE [{database}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE;
                DROP DATABASE [{database}];
            END
            """;
        await command.ExecuteNonQueryAsync();
    }
}
