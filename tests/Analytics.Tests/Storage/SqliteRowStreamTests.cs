using Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace Analytics.Tests.Storage;

/// <summary>SQLite's own row stream reads what the provider's data reader reads, names included.</summary>
public sealed class SqliteRowStreamTests : IDisposable
{
    private const string Query = "SELECT n, i, t FROM rows WHERE i >= @min ORDER BY i";
    private static readonly string LongName = new string('x', 300) + "ë";

    private readonly SqliteConnection _connection = new("Data Source=:memory:");

    public SqliteRowStreamTests()
    {
        _connection.Open();
        using var command = _connection.CreateCommand();
        command.CommandText = $"""
            CREATE TABLE rows (n INTEGER NULL, i INTEGER NOT NULL, t TEXT NULL);
            INSERT INTO rows VALUES (1, 1, 'Ann'), (NULL, 2, 'Ann'), (3, 3, 'Zoë Ørsted'), (4, 4, NULL), (5000000000, 5, ''), (6, 6, '{LongName}'), (7, 7, 'Ann');
            """;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Rows_ReadTheSameAsThroughTheDataReader()
    {
        var fast = await ReadAllAsync(await new SqliteDialect().StreamRowsAsync(_connection, Query, [new("min", 2L)], CancellationToken.None));
        // A dialect without its own row stream reads through the provider's data reader, here SQLite's.
        var plain = await ReadAllAsync(await new PostgresDialect().StreamRowsAsync(_connection, Query, [new("min", 2L)], CancellationToken.None));

        Assert.Equal(["-|2|Ann", "3|3|Zoë Ørsted", "4|4|-", "5000000000|5|", $"6|6|{LongName}", "7|7|Ann"], fast);
        Assert.Equal(plain, fast);
    }

    [Fact]
    public async Task Names_ThatRepeat_AreOneString()
    {
        await using var rows = await new SqliteDialect().StreamRowsAsync(_connection, Query, [new("@min", 0L)], CancellationToken.None);
        var names = new List<string>();
        while (await rows.ReadAsync(CancellationToken.None))
        {
            names.Add(rows.IsNull(2) ? "" : rows.GetName(2));
        }

        Assert.Same(names[0], names[1]);
        Assert.Same(names[0], names[6]);
    }

    [Fact]
    public async Task UnknownParameter_IsRejected()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => new SqliteDialect().StreamRowsAsync(_connection, Query, [new("max", 2L)], CancellationToken.None));

        Assert.Contains("@max", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSql_ThrowsTheProvidersException()
    {
        await Assert.ThrowsAsync<SqliteException>(() => new SqliteDialect().StreamRowsAsync(_connection, "SELECT nothing FROM nowhere", [], CancellationToken.None));
    }

    public void Dispose() => _connection.Dispose();

    private static async Task<List<string>> ReadAllAsync(RowStream rows)
    {
        await using (rows)
        {
            var read = new List<string>();
            while (await rows.ReadAsync(CancellationToken.None))
            {
                var n = rows.IsNull(0) ? "-" : rows.GetInt64(0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                var t = rows.IsNull(2) ? "-" : rows.GetName(2);
                read.Add($"{n}|{rows.GetInt32(1)}|{t}");
            }

            return read;
        }
    }
}
