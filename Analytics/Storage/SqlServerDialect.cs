using System.Data.Common;
using DbUp;
using Microsoft.Data.SqlClient;

namespace Analytics.Storage;

/// <summary>SQL Server: no ON CONFLICT, so upserts are MERGE statements.</summary>
public sealed class SqlServerDialect : SqlDialect
{
    public override StoreProvider Provider => StoreProvider.SqlServer;

    public override string ScriptFolder => "sqlserver";

    public override int MaxParameters => 2_000;

    /// <summary>SqlCommand.Prepare throws for parameters without an explicit type and size; sp_executesql caches the plan anyway.</summary>
    internal override bool CanPrepareUntypedCommands => false;

    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    /// <summary>Takes the application lock that serialises migrations of one database, waiting for as long as another holds it.</summary>
    internal const string MigrationLock = """
        DECLARE @result INT;
        EXEC @result = sp_getapplock @Resource = N'analytics-schema-migration', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = -1;
        IF @result < 0 THROW 50000, N'The schema migration lock was not granted.', 1;
        """;

    internal const string MigrationUnlock = "EXEC sp_releaseapplock @Resource = N'analytics-schema-migration', @LockOwner = N'Session';";

    public override void Migrate(string connectionString)
    {
        EnsureDatabase.For.SqlDatabase(connectionString);

        // Two processes starting at once must not both read "not applied yet" and both run a script: the session
        // lock is held on a connection of its own while DbUp reads the journal and migrates on its connections.
        using var locked = new SqlConnection(connectionString);
        locked.Open();
        using (var command = new SqlCommand(MigrationLock, locked) { CommandTimeout = 0 })
        {
            command.ExecuteNonQuery();
        }

        try
        {
            MigrateLocked(connectionString);
        }
        finally
        {
            // A pooled connection keeps its session, and so the lock, when closed: released by hand.
            using var release = new SqlCommand(MigrationUnlock, locked);
            release.ExecuteNonQuery();
        }
    }

    private void MigrateLocked(string connectionString)
    {
        var upgrade = DeployChanges.To
            .SqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqlDialect).Assembly, name => name.StartsWith("sql.sqlserver.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        SchemaMigrator.ThrowOnFailure(upgrade.PerformUpgrade(), this);
    }

    public override string Table(string name) => "dbo." + name;

    public override string Upsert(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns)
    {
        var updates = columns.Where(c => !keys.Contains(c)).Select(c => $"target.{c} = src.{c}");
        return $"""
            MERGE {Table(table)} WITH (HOLDLOCK) AS target
            USING (SELECT {string.Join(", ", columns.Select(c => $"@{c} AS {c}"))}) AS src
            ON {string.Join(" AND ", keys.Select(k => $"target.{k} = src.{k}"))}
            WHEN MATCHED THEN UPDATE SET {string.Join(", ", updates)}
            WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "src." + c))});
            """;
    }

    public override string InsertIfAbsent(string table, IReadOnlyList<string> keys, IReadOnlyList<string> columns) =>
        $"""
        MERGE {Table(table)} WITH (HOLDLOCK) AS target
        USING (SELECT {string.Join(", ", columns.Select(c => $"@{c} AS {c}"))}) AS src
        ON {string.Join(" AND ", keys.Select(k => $"target.{k} = src.{k}"))}
        WHEN NOT MATCHED THEN INSERT ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "src." + c))});
        """;

    internal override string AscendingNullsFirst(string column) => column;

    internal override string DaysBetween(string earlier, string later) => $"DATEDIFF(day, {earlier}, {later})";

    internal override string EpochSeconds(string column) => $"DATEDIFF_BIG(SECOND, CAST('1970-01-01T00:00:00+00:00' AS DATETIMEOFFSET(0)), {column})";
}
