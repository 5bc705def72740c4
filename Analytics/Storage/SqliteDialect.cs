using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using DbUp;
using Microsoft.Data.Sqlite;

namespace Analytics.Storage;

/// <summary>SQLite: instants as sortable UTC text, booleans as 0/1.</summary>
public sealed class SqliteDialect : SqlDialect
{
    public override StoreProvider Provider => StoreProvider.Sqlite;

    public override string ScriptFolder => "sqlite";

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    internal override Task<ITicketUpsert> PrepareTicketUpsertAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        Task.FromResult(SqliteTicketUpsert.Prepare(connection, this));

    internal override IRowInsert PrepareInsert(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> columns) =>
        SqliteRowInsert.Prepare(connection, sql, columns);

    /// <remarks>
    /// SQLite finds a named parameter by a linear search of the statement's names, so binding 500
    /// keys by name costs 125,000 string comparisons per lookup (a fifth of a large import's write
    /// time); one JSON array parameter costs one.
    /// </remarks>
    internal override string BindKeyList(DbCommand command, string column, IReadOnlyList<string> keys)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@keys";
        parameter.Value = JsonSerializer.Serialize(keys);
        command.Parameters.Add(parameter);
        return $"{column} IN (SELECT value FROM json_each(@keys))";
    }

    /// <remarks>Dates are 'yyyy-MM-dd' text: their epoch seconds are whole days, so the division is exact.</remarks>
    internal override string DaysBetween(string earlier, string later) => $"((unixepoch({later}) - unixepoch({earlier})) / 86400)";

    /// <remarks>SQLite aggregates by sorting, or by walking an index in the group's order.</remarks>
    internal override bool GroupsByHashing => false;

    /// <remarks>Straight from the SQLite statement when the connection is SQLite's own, as it is unless something wraps it.</remarks>
    internal override Task<RowStream> StreamRowsAsync(DbConnection connection, string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken) =>
        connection is SqliteConnection sqlite
            ? Task.FromResult<RowStream>(SqliteRowStream.Open(sqlite, sql, parameters))
            : base.StreamRowsAsync(connection, sql, parameters, cancellationToken);

    internal override string EpochSeconds(string column) => $"unixepoch({column})";

    public override async Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets readers (reports) run while the sync writes; NORMAL is durable at every checkpoint in WAL mode.
        // A 32 MB page cache keeps the ticket indexes in memory during a large import (the default is 2 MB);
        // checkpointing every 4000 pages (64 MB of WAL) instead of 1000 cuts the checkpoints' rewrites of hot index pages.
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 4000;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public override void Migrate(string connectionString)
    {
        // Larger pages halve the write calls of a bulk import (measured: 13.1 s -> 9.3 s for a
        // million-row insert with the ticket indexes, raw C on this machine). The page size
        // can only be chosen before the first table exists, so it is set before DbUp runs.
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_size = 16384; PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }

        // Two processes starting at once must not both read "not applied yet" and both run a script: the write
        // lock is taken first (BEGIN IMMEDIATE waits for the other's COMMIT), and DbUp reads the journal and runs
        // every pending script inside it, on the same connection, so the scripts commit together or not at all.
        using var locked = new SqliteConnection(connectionString);
        locked.Open();
        Execute(locked, "PRAGMA busy_timeout = 60000; BEGIN IMMEDIATE;");
        var upgrade = DeployChanges.To
            .SqliteDatabase(new DbUp.Sqlite.Helpers.SharedConnection(locked))
            .WithScriptsEmbeddedInAssembly(typeof(SqlDialect).Assembly, name => name.StartsWith("sql.sqlite.", StringComparison.Ordinal))
            .WithoutTransaction()
            .LogToNowhere()
            .Build();
        var result = upgrade.PerformUpgrade();
        if (result.Successful)
        {
            Execute(locked, "COMMIT;");
        }

        // A failed upgrade is rolled back when the connection closes, whatever state the error left it in.
        SchemaMigrator.ThrowOnFailure(result, this);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public override object ToDb(DateTimeOffset value)
    {
        // Hand-formatted: this runs several times per imported row and the culture-aware formatter is slow.
        var utc = value.UtcDateTime;
        return string.Create(20, utc, static (span, t) =>
        {
            Write4(span, t.Year);
            span[4] = '-';
            Write2(span[5..], t.Month);
            span[7] = '-';
            Write2(span[8..], t.Day);
            span[10] = 'T';
            Write2(span[11..], t.Hour);
            span[13] = ':';
            Write2(span[14..], t.Minute);
            span[16] = ':';
            Write2(span[17..], t.Second);
            span[19] = 'Z';
        });
    }

    private static void Write2(Span<char> span, int value)
    {
        span[0] = (char)('0' + (value / 10));
        span[1] = (char)('0' + (value % 10));
    }

    private static void Write4(Span<char> span, int value)
    {
        Write2(span, value / 100);
        Write2(span[2..], value % 100);
    }

    public override object ToDb(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override object ToDb(bool value) => value ? 1 : 0;

    public override DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        ParseInstant(reader.GetString(ordinal));

    /// <summary>SQLite has no date type: <c>@since</c> is text, "yyyy-MM-dd HH:mm:ss", which the source query compares through datetime().</summary>
    public override object ToSourceInstant(DateTimeOffset value, TimeZoneInfo zone)
    {
        var local = (DateTime)base.ToSourceInstant(value, zone);
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
    }

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.ParseExact(reader.GetString(ordinal), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public override bool ReadBool(DbDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    internal static DateTimeOffset ParseInstant(string text) =>
        TryParseCanonical(text, out var instant)
            ? instant
            : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>
    /// The store writes "yyyy-MM-ddTHH:mm:ssZ"; reading that by hand is several times faster than the
    /// general parser, which matters when the workload pass reads a million tickets.
    /// </summary>
    private static bool TryParseCanonical(string text, out DateTimeOffset instant)
    {
        instant = default;
        if (text.Length != 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
        {
            return false;
        }

        if (!TryDigits(text, 0, 4, out var year) || !TryDigits(text, 5, 2, out var month) || !TryDigits(text, 8, 2, out var day)
            || !TryDigits(text, 11, 2, out var hour) || !TryDigits(text, 14, 2, out var minute) || !TryDigits(text, 17, 2, out var second)
            || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(Math.Max(1, year), month) || hour > 23 || minute > 59 || second > 59 || year < 1)
        {
            return false;
        }

        instant = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(string text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var digit = text[i] - '0';
            if (digit is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }
}
