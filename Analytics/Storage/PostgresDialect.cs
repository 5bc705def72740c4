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

    /// <summary>The advisory lock key that serialises migrations of one database ("analytics" in ASCII).</summary>
    internal const long MigrationLockKey = 0x616E616C79746963;

    public override void Migrate(string connectionString)
    {
        // Two processes starting at once must not both read "not applied yet" and both run a script: the session
        // lock is held on a connection of its own while DbUp reads the journal and migrates on its connections.
        using var locked = new NpgsqlConnection(connectionString);
        locked.Open();
        using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", locked))
        {
            command.Parameters.AddWithValue("key", MigrationLockKey);
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }

        try
        {
            MigrateLocked(connectionString);
        }
        finally
        {
            // A pooled connection keeps its session, and so the lock, when closed: released by hand.
            using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", locked);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            unlock.ExecuteNonQuery();
        }
    }

    private void MigrateLocked(string connectionString)
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
