using System.Data.Common;
using Analytics.Tickets;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Analytics.Storage;

/// <summary>
/// The SQLite upsert bound by position on the raw statement. Microsoft.Data.Sqlite looks every
/// parameter up by name on every execution, which cost about half the import's write time for a
/// 27-column row; binding by index keeps the import within its rows-per-second target.
/// </summary>
internal sealed class SqliteTicketUpsert : ITicketUpsert
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly SqliteDialect _dialect;

    private SqliteTicketUpsert(sqlite3 db, sqlite3_stmt statement, SqliteDialect dialect)
    {
        _db = db;
        _statement = statement;
        _dialect = dialect;
    }

    public static ITicketUpsert Prepare(DbConnection connection, SqliteDialect dialect)
    {
        var db = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var sql = dialect.Upsert("tickets", TicketRows.Keys, TicketRows.Columns);
        var rc = raw.sqlite3_prepare_v2(db, sql, out var statement);
        Check(db, rc);
        for (var i = 0; i < TicketRows.Columns.Length; i++)
        {
            // The upsert names the columns' parameters in column order first, so index i+1 is column i.
            if (raw.sqlite3_bind_parameter_index(statement, "@" + TicketRows.Columns[i]) != i + 1)
            {
                statement.Dispose();
                throw new InvalidOperationException("The ticket upsert's parameters are not in column order.");
            }
        }

        return new SqliteTicketUpsert(db, statement, dialect);
    }

    public Task ExecuteAsync(Ticket t, long hash, string? fingerprint, long? line, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var s = _statement;
        Text(s, 1, t.Source);
        Text(s, 2, t.TicketId);
        Text(s, 3, CanonicalNames.Of(t.Kind));
        Text(s, 4, t.Title);
        Text(s, 5, t.Category);
        Text(s, 6, t.Subcategory);
        Text(s, 7, t.Priority);
        Text(s, 8, CanonicalNames.Of(t.Channel));
        Text(s, 9, t.Team);
        Text(s, 10, t.Assignee);
        Text(s, 11, t.ResolvedBy);
        Instant(s, 12, t.OpenedAt);
        Instant(s, 13, t.FirstResponseAt);
        Instant(s, 14, t.ResolvedAt);
        Instant(s, 15, t.ClosedAt);
        Instant(s, 16, t.DueAt);
        Integer(s, 17, t.SlaBreached is { } breached ? (breached ? 1 : 0) : null);
        Integer(s, 18, t.ReopenCount);
        Integer(s, 19, t.ReassignmentCount);
        Integer(s, 20, t.Proactive ? 1 : 0);
        Integer(s, 21, t.TimeSpentMinutes);
        Text(s, 22, t.ProblemId);
        Text(s, 23, t.CausedByChange);
        Instant(s, 24, t.UpdatedAt);
        Integer(s, 25, hash);
        Text(s, 26, fingerprint);
        Integer(s, 27, line);

        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != raw.SQLITE_DONE)
        {
            Check(_db, rc);
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Instant(sqlite3_stmt s, int index, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_text(s, index, (string)_dialect.ToDb(v));
        }
        else
        {
            raw.sqlite3_bind_null(s, index);
        }
    }

    private static void Text(sqlite3_stmt s, int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(s, index);
        }
        else
        {
            raw.sqlite3_bind_text(s, index, value);
        }
    }

    private static void Integer(sqlite3_stmt s, int index, long? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(s, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(s, index);
        }
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK && rc != raw.SQLITE_DONE && rc != raw.SQLITE_ROW)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc);
        }
    }
}
