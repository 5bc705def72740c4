using System.Data.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Storage;

/// <summary>
/// The SQLite insert bound by position on the raw statement: Microsoft.Data.Sqlite looks every parameter
/// up by name on every execution (see <see cref="SqliteTicketUpsert"/>), which dominated the event-log
/// fold's time. Runs inside whatever transaction the connection has open.
/// </summary>
internal sealed class SqliteRowInsert : IRowInsert
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    private SqliteRowInsert(sqlite3 db, sqlite3_stmt statement)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary>Prepares <paramref name="sql"/>, whose parameters must be the columns' in column order.</summary>
    public static IRowInsert Prepare(DbConnection connection, string sql, IReadOnlyList<string> columns)
    {
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var statement));
        for (var i = 0; i < columns.Count; i++)
        {
            if (raw.sqlite3_bind_parameter_index(statement, "@" + columns[i]) != i + 1)
            {
                statement.Dispose();
                throw new InvalidOperationException($"The insert's parameters are not in column order: {sql}");
            }
        }

        return new SqliteRowInsert(db, statement);
    }

    public Task<int> ExecuteAsync(object?[] values, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var s = _statement;
        for (var i = 0; i < values.Length; i++)
        {
            var rc = values[i] switch
            {
                null or DBNull => raw.sqlite3_bind_null(s, i + 1),
                string text => raw.sqlite3_bind_text(s, i + 1, text),
                long number => raw.sqlite3_bind_int64(s, i + 1, number),
                int number => raw.sqlite3_bind_int64(s, i + 1, number),
                var other => throw new ArgumentException($"Cannot bind a {other.GetType().Name} by position.", nameof(values)),
            };
            Check(_db, rc);
        }

        var step = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (step != raw.SQLITE_DONE)
        {
            Check(_db, step);
        }

        return Task.FromResult(raw.sqlite3_changes(_db));
    }

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
