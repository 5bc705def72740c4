namespace Analytics.Storage;

/// <summary>The database engines the store runs on.</summary>
public enum StoreProvider
{
    Sqlite,
    Postgres,
    SqlServer,
}
