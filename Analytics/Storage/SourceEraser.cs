using Dapper;

namespace Analytics.Storage;

/// <summary>Removes everything one source contributed, in one transaction: used when a generated data set is replaced.</summary>
public sealed class SourceEraser(IDbConnectionFactory connections)
{
    private static readonly string[] Tables = ["ticket_events", "time_entries", "feedback", "knowledge_articles", "tickets"];

    public async Task<int> EraseAsync(string source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(source);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var removed = 0;
        foreach (var table in Tables)
        {
            removed += await connection.ExecuteAsync(new CommandDefinition(
                $"DELETE FROM {connections.Dialect.Table(table)} WHERE source = @source", new { source }, transaction, cancellationToken: cancellationToken));
        }

        await transaction.CommitAsync(cancellationToken);
        return removed;
    }
}
