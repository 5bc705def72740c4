using System.Data.Common;
using Analytics.Tickets;

namespace Analytics.Storage;

/// <summary>
/// Writes tickets in batches, one transaction per batch, over one connection with prepared commands:
/// the import's hot path, so it avoids per-row SQL building and per-row connections.
/// A key seen earlier in the same file (same fingerprint, other line) with different content is a
/// conflicting duplicate and is not written; this holds across reruns, so a rerun changes nothing.
/// </summary>
public sealed class TicketBatchWriter : IAsyncDisposable
{
    private readonly DbConnection _connection;
    private readonly SqlDialect _dialect;
    private readonly string? _fingerprint;

    internal TicketBatchWriter(DbConnection connection, SqlDialect dialect, string? fingerprint)
    {
        _connection = connection;
        _dialect = dialect;
        _fingerprint = fingerprint;
    }

    public async Task<IReadOnlyList<TicketWriteResult>> WriteAsync(IReadOnlyList<TicketWrite> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var results = new TicketWriteResult[batch.Count];
        if (batch.Count == 0)
        {
            return results;
        }

        await using var transaction = await _connection.BeginTransactionAsync(cancellationToken);
        var known = await LoadExistingAsync(batch, transaction, cancellationToken);

        await using var upsert = await _dialect.PrepareTicketUpsertAsync(_connection, transaction, cancellationToken);

        for (var i = 0; i < batch.Count; i++)
        {
            var (ticket, line, knownHash) = batch[i];
            var key = (ticket.Source, ticket.TicketId);
            var hash = knownHash ?? TicketHash.Compute(ticket);
            WriteOutcome outcome;
            if (!known.TryGetValue(key, out var existing))
            {
                outcome = WriteOutcome.Inserted;
            }
            else if (_fingerprint is not null && existing.Fingerprint == _fingerprint && existing.Line != line)
            {
                results[i] = existing.Hash == hash
                    ? new TicketWriteResult(WriteOutcome.Unchanged, existing.Line)
                    : new TicketWriteResult(WriteOutcome.ConflictingDuplicate, existing.Line);
                continue;
            }
            else
            {
                outcome = existing.Hash == hash ? WriteOutcome.Unchanged : WriteOutcome.Updated;
            }

            if (outcome != WriteOutcome.Unchanged)
            {
                await upsert.ExecuteAsync(ticket, hash, _fingerprint, line, cancellationToken);
                known[key] = new Existing(hash, _fingerprint, line);
            }

            results[i] = new TicketWriteResult(outcome, null);
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<Dictionary<(string, string), Existing>> LoadExistingAsync(
        IReadOnlyList<TicketWrite> batch, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var known = new Dictionary<(string, string), Existing>(batch.Count);
        var chunkSize = Math.Min(500, _dialect.MaxParameters - 1);
        foreach (var group in batch.Select(w => w.Ticket).GroupBy(t => t.Source, StringComparer.Ordinal))
        {
            var ids = group.Select(t => t.TicketId).Distinct(StringComparer.Ordinal).ToArray();
            foreach (var chunk in ids.Chunk(chunkSize))
            {
                await using var select = _connection.CreateCommand();
                select.Transaction = transaction;
                AddParameter(select, "@source", group.Key);
                var keyMatch = _dialect.BindKeyList(select, "ticket_id", chunk);
                select.CommandText = $"""
                    SELECT ticket_id, row_hash, import_fingerprint, import_line
                    FROM {_dialect.Table("tickets")}
                    WHERE source = @source AND {keyMatch}
                    """;

                await using var reader = await select.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    known[(group.Key, reader.GetString(0))] = new Existing(
                        reader.GetInt64(1),
                        reader.IsDBNull(2) ? null : reader.GetString(2),
                        reader.IsDBNull(3) ? null : reader.GetInt64(3));
                }
            }
        }

        return known;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private readonly record struct Existing(long Hash, string? Fingerprint, long? Line);
}
