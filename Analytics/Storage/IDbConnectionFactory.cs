using System.Data.Common;

namespace Analytics.Storage;

/// <summary>Opens connections to the store and says which SQL dialect they speak.</summary>
public interface IDbConnectionFactory
{
    SqlDialect Dialect { get; }

    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}
