using DbUp.Engine;

namespace Analytics.Storage;

/// <summary>Runs the embedded migrations for the configured engine.</summary>
public static class SchemaMigrator
{
    public static void Migrate(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        SqlDialect.For(options.Provider).Migrate(options.ConnectionString);
    }

    internal static void ThrowOnFailure(DatabaseUpgradeResult result, SqlDialect dialect)
    {
        if (!result.Successful)
        {
            throw new StoreMigrationException(
                $"Migrating the {dialect.Provider} store failed in script '{result.ErrorScript?.Name}': {result.Error?.Message}",
                result.Error);
        }
    }
}

/// <summary>The schema could not be created or upgraded.</summary>
public sealed class StoreMigrationException(string message, Exception? inner) : Exception(message, inner);
