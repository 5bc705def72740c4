using System.Data.Common;
using System.Globalization;
using System.Text;
using Dapper;

namespace Analytics.Storage;

/// <summary>
/// The SQL that differs between engines. The base class speaks the ANSI-ish dialect that SQLite
/// and PostgreSQL share (ON CONFLICT upserts); each engine overrides only what it does differently.
/// </summary>
public abstract class SqlDialect
{
    public abstract StoreProvider Provider { get; }

    /// <summary>Folder under sql/ (and resource prefix) holding this engine's migrations.</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>
    /// Whether a command whose parameters have values but no declared types can be prepared. SqlClient's
    /// Prepare demands an explicit type and size for every parameter, so SQL Server says no.
    /// </summary>
    internal virtual bool CanPrepareUntypedCommands => true;

    /// <summary>The prepared ticket upsert for one batch's transaction.</summary>
    internal virtual Task<ITicketUpsert> PrepareTicketUpsertAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken) =>
        CommandTicketUpsert.PrepareAsync(connection, transaction, this, cancellationToken);

    /// <summary>A prepared insert of <paramref name="columns"/> (parameters named "@column", in column order) for one transaction.</summary>
    internal virtual IRowInsert PrepareInsert(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> columns) =>
        CommandRowInsert.Create(connection, transaction, sql, columns, this);

    /// <summary>Largest number of parameters to put in one statement.</summary>
    public virtual int MaxParameters => 999;

    public static SqlDialect For(StoreProvider provider) => provider switch
    {
        StoreProvider.Sqlite => new SqliteDialect(),
        StoreProvider.Postgres => new PostgresDialect(),
        StoreProvider.SqlServer => new SqlServerDialect(),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown store provider."),
    };

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Per-connection settings, run right after opening.</summary>
    public virtual Task PrepareConnectionAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>
    /// Runs a query whose rows a pass streams through once (see <see cref="RowStream"/>). Parameters are
    /// named without '@' and hold values already converted by <c>ToDb</c>.
    /// </summary>
    internal virtual async Task<RowStream> StreamRowsAsync(DbConnection connection, string sql, IReadOnlyList<KeyValuePair<string, object?>> parameters, CancellationToken cancellationToken)
    {
        var arguments = new DynamicParameters();
        foreach (var (name, value) in parameters)
        {
            arguments.Add(name, value);
        }

        return new DbRowStream(await connection.ExecuteReaderAsync(new CommandDefinition(sql, arguments, cancellationToken: cancellationToken)));
    }

    /// <summary>Creates or upgrades the schema; safe to run at every start.</summary>
    public abstract void Migrate(string connectionString);

    /// <summary>Qualified table name.</summary>
    public virtual string Table(string name) => name;

    /// <summary>The value to bind for a UTC instant.</summary>
    public virtual object ToDb(DateTimeOffset value) => value.ToUniversalTime();

    public object ToDb(DateTimeOffset? value) => value is { } v ? ToDb(v) : DBNull.Value;

    /// <summary>
    /// The value bound as <c>@since</c> in a sync source's query: the instant as a wall-clock time in the
    /// source's zone, typed as a timestamp without zone (timestamp, datetime2), so it compares with the
    /// source's own local or UTC columns without the database session's time zone taking part.
    /// </summary>
    public virtual object ToSourceInstant(DateTimeOffset value, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(value, zone).DateTime, DateTimeKind.Unspecified);
    }

    public virtual object ToDb(DateOnly value) => value;

    public virtual object ToDb(bool value) => value;

    public object ToDb(bool? value) => value is { } v ? ToDb(v) : DBNull.Value;

    public virtual DateTimeOffset ReadInstant(DbDataReader reader, int ordinal) =>
        reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime();

    public DateTimeOffset? ReadNullableInstant(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadInstant(reader, ordinal);

    public virtual DateOnly ReadDate(DbDataReader reader, int ordinal) =>
        DateOnly.FromDateTime(reader.GetDateTime(ordinal));

    public virtual bool ReadBool(DbDataReader reader, int ordinal) => reader.GetBoolean(ordinal);

    /// <summary>INSERT, or UPDATE of the non-key columns when the key exists.</summary>
    public virtual string Upsert(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns)
    {
        var updates = columns.Where(c => !keys.Contains(c)).Select(c => $"{c} = excluded.{c}");
        return $"""
            INSERT INTO {Table(table)} ({string.Join(", ", columns)})
            VALUES ({string.Join(", ", columns.Select(c => "@" + c))})
            ON CONFLICT ({string.Join(", ", keys)}) DO UPDATE SET {string.Join(", ", updates)}
            """;
    }

    /// <summary>INSERT unless a row with the key exists.</summary>
    public virtual string InsertIfAbsent(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns) =>
        $"""
        INSERT INTO {Table(table)} ({string.Join(", ", columns)})
        VALUES ({string.Join(", ", columns.Select(c => "@" + c))})
        ON CONFLICT ({string.Join(", ", keys)}) DO NOTHING
        """;

    /// <summary>Binds <paramref name="keys"/> to <paramref name="command"/> and returns the condition "column is one of them".</summary>
    internal virtual string BindKeyList(DbCommand command, string column, IReadOnlyList<string> keys)
    {
        for (var k = 0; k < keys.Count; k++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@k" + k.ToString(CultureInfo.InvariantCulture);
            parameter.Value = keys[k];
            command.Parameters.Add(parameter);
        }

        return $"{column} IN ({ParameterList("k", keys.Count)})";
    }

    /// <summary>Appends "@p0, @p1, ..." for an IN list.</summary>
    public static string ParameterList(string prefix, int count)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append('@').Append(prefix).Append(i.ToString(CultureInfo.InvariantCulture));
        }

        return sb.ToString();
    }

    /// <summary>
    /// Whole seconds since 1970-01-01 UTC of an instant column, as an integer expression: the forecasting
    /// series group tickets by UTC time buckets in SQL and fold the buckets into local days in code.
    /// </summary>
    internal abstract string EpochSeconds(string column);

    /// <summary>
    /// Whether a GROUP BY that no index orders is cheap (a hash aggregate). Where it is not, a pass that
    /// sums as it streams can read the rows ungrouped instead.
    /// </summary>
    internal virtual bool GroupsByHashing => true;

    /// <summary>Whole days from one date expression to a later one, as an integer expression.</summary>
    internal abstract string DaysBetween(string earlier, string later);

    /// <summary>
    /// An ascending ORDER BY term with NULLs before every value. SQLite puts them first anyway and
    /// PostgreSQL last unless told; SQL Server puts them first and knows no NULLS FIRST.
    /// </summary>
    internal virtual string AscendingNullsFirst(string column) => $"{column} NULLS FIRST";
}
