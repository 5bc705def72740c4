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

    public override void Migrate(string connectionString)
    {
        EnsureDatabase.For.SqlDatabase(connectionString);
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
