using Analytics.Storage;

namespace Analytics.Import.Sources;

/// <summary>What a sync source is: a ticketing database read with a query file, or a ticketing system's API.</summary>
public enum SourceProvider
{
    Sqlite,
    Postgres,
    SqlServer,
    TOPdesk,
    ServiceNow,
    Jira,
    Zendesk,
}

/// <summary>Tells database sources from API sources.</summary>
public static class SourceProviders
{
    /// <summary>True for a ticketing system's API (TOPdesk, ServiceNow, Jira, Zendesk).</summary>
    public static bool IsApi(this SourceProvider provider) => provider >= SourceProvider.TOPdesk;

    /// <summary>The database engine of a database source.</summary>
    public static StoreProvider Database(this SourceProvider provider) => provider switch
    {
        SourceProvider.Sqlite => StoreProvider.Sqlite,
        SourceProvider.Postgres => StoreProvider.Postgres,
        SourceProvider.SqlServer => StoreProvider.SqlServer,
        _ => throw new SourceQueryException($"{provider} is an API source, not a database."),
    };
}
