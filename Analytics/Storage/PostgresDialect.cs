using System.Data.Common;
using DbUp;
using Npgsql;

namespace Analytics.Storage;

/// <summary>PostgreSQL: shares the ON CONFLICT upsert; timestamptz takes instants at offset zero.</summary>
public sealed class PostgresDialect : SqlDialect
{
    public override StoreProvider Provider => StoreProvider.Postgres;

    public override string ScriptFolder => "postgres";

    public override int MaxParameters => 30_000;

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override void Migrate(string connectionString)
    {
        var upgrade = DeployChanges.To
            .PostgresqlDatabase(connectionString)
            .WithScriptsEmbeddedInAssembly(typeof(SqlDialect).Assembly, name => name.StartsWith("sql.postgres.", StringComparison.Ordinal))
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build();
        SchemaMigrator.ThrowOnFailure(upgrade.PerformUpgrade(), this);
    }

    public override DateOnly ReadDate(DbDataReader reader, int ordinal) => reader.GetFieldValue<DateOnly>(ordinal);

    /// <remarks>A date minus a date is an integer number of days.</remarks>
    internal override string DaysBetween(string earlier, string later) => $"({later} - {earlier})";

    internal override string EpochSeconds(string column) => $"CAST(floor(extract(epoch FROM {column})) AS BIGINT)";
}
