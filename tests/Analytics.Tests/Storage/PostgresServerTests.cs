using Analytics.Tests.Support;
using Npgsql;
using Xunit.Abstractions;

namespace Analytics.Tests.Storage;

/// <summary>The throwaway PostgreSQL server the store tests run on.</summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class PostgresServerTests(PostgresServer server, ITestOutputHelper output)
{
    [Fact]
    public void Server_StartsOnLoopback_AndSaysHowLongItTook()
    {
        output.WriteLine($"PostgreSQL {server.ServerVersion} from {server.BinDirectory} on 127.0.0.1:{server.Port}, started in {server.StartupTime.TotalMilliseconds:0} ms");

        // Not a speed target (those are benchmarks): a start that hangs is what this catches. A 10 s bound
        // failed at 11.8 s on a machine busy with a parallel build.
        Assert.InRange(server.StartupTime, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.True(server.Port > 0);
    }

    [Fact]
    public async Task Server_ListensOnlyOn127001_WithFsyncOff()
    {
        var database = await server.CreateDatabaseAsync("settings");
        try
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString(database));
            await connection.OpenAsync();

            Assert.Equal("127.0.0.1", await ShowAsync(connection, "listen_addresses"));
            Assert.Equal("off", await ShowAsync(connection, "fsync"));
        }
        finally
        {
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public async Task CreateDatabase_TwiceGivesTwoSeparateEmptyDatabases()
    {
        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        try
        {
            await using (var connection = new NpgsqlConnection(server.ConnectionString(first)))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand("CREATE TABLE only_here (id int)", connection);
                await create.ExecuteNonQueryAsync();
            }

            await using (var connection = new NpgsqlConnection(server.ConnectionString(second)))
            {
                await connection.OpenAsync();
                await using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'", connection);
                Assert.NotEqual(first, second);
                Assert.Equal(0L, await count.ExecuteScalarAsync());
            }
        }
        finally
        {
            await server.DropDatabaseAsync(first);
            await server.DropDatabaseAsync(second);
        }
    }

    private static async Task<string?> ShowAsync(NpgsqlConnection connection, string setting)
    {
        await using var command = new NpgsqlCommand("SELECT current_setting(@name)", connection);
        command.Parameters.AddWithValue("name", setting);
        return (string?)await command.ExecuteScalarAsync();
    }
}
