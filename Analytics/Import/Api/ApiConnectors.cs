using Analytics.Import.Sources;

namespace Analytics.Import.Api;

/// <summary>The registered API connectors, one per provider.</summary>
public sealed class ApiConnectors(IEnumerable<ITicketApiConnector> connectors)
{
    private readonly Dictionary<SourceProvider, ITicketApiConnector> _byProvider = connectors.ToDictionary(c => c.Provider);

    /// <summary>The connector for an API provider; a <see cref="SourceQueryException"/> when none is registered.</summary>
    public ITicketApiConnector For(TicketSourceOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return _byProvider.TryGetValue(source.Provider, out var connector)
            ? connector
            : throw new SourceQueryException($"Source '{source.Name}': no connector for provider '{source.Provider}' (TOPdesk, ServiceNow, Jira, Zendesk, or a database: Sqlite, Postgres, SqlServer).");
    }
}
