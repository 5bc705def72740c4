using System.Data.Common;

namespace Analytics.Storage;

/// <summary>Connection factory for one configured store.</summary>
public sealed class DbConnectionFactory(SqlDialect dialect, string connectionString) : IDbConnectionFactory
{
    public SqlDialect Dialect { get; } = dialect;

    public string ConnectionString { get; } = connectionString;

    public static DbConnectionFactory Create(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DbConnectionFactory(SqlDialect.For(options.Provider), options.ConnectionString);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await Dialect.PrepareConnectionAsync(connection, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
