using System.Data.Common;
using System.Runtime.CompilerServices;
using Analytics.Import.EventLog;
using Dapper;

namespace Analytics.Storage;

/// <summary>
/// The staging table of event-log imports: rows go in as the file has them and come out ordered by
/// case, time and file line, so the fold holds one case at a time whatever the file's size or order.
/// </summary>
public sealed class EventStage(IDbConnectionFactory connections)
{
    private static readonly string[] Columns = ["run_id", "case_id", "occurred_at", "line", "activity", "team", "assignee", "case_values"];

    private SqlDialect Dialect => connections.Dialect;

    /// <summary>Removes what killed imports of the same file left behind; they never finished, so nobody reads it.</summary>
    public async Task ClearAbandonedAsync(string fingerprint, long currentRun, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
            DELETE FROM {Dialect.Table("event_stage")}
            WHERE run_id IN (
                SELECT id FROM {Dialect.Table("import_runs")}
                WHERE file_fingerprint = @fingerprint AND finished_at IS NULL AND id <> @currentRun)
            """,
            new { fingerprint, currentRun },
            cancellationToken: cancellationToken));
    }

    internal async Task<Writer> OpenWriterAsync(long runId, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        return new Writer(connection, Dialect, runId);
    }

    /// <summary>The run's rows by case, then time, then file line.</summary>
    internal async IAsyncEnumerable<StagedEvent> ReadSortedAsync(long runId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT case_id, occurred_at, line, activity, team, assignee, case_values
            FROM {Dialect.Table("event_stage")}
            WHERE run_id = @run
            ORDER BY case_id, occurred_at, line
            """;
        var run = command.CreateParameter();
        run.ParameterName = "@run";
        run.Value = runId;
        command.Parameters.Add(run);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new StagedEvent(
                reader.GetString(0),
                Dialect.ReadInstant(reader, 1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6));
        }
    }

    public async Task DeleteRunAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            $"DELETE FROM {Dialect.Table("event_stage")} WHERE run_id = @runId",
            new { runId },
            cancellationToken: cancellationToken));
    }

    /// <summary>Adds rows in transactions of <see cref="RowsPerTransaction"/> over one prepared statement.</summary>
    internal sealed class Writer(DbConnection connection, SqlDialect dialect, long runId) : IAsyncDisposable
    {
        private const int RowsPerTransaction = 20_000;

        private readonly string _sql = $"""
            INSERT INTO {dialect.Table("event_stage")} ({string.Join(", ", Columns)})
            VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})
            """;

        private readonly object?[] _values = new object?[Columns.Length];
        private DbTransaction? _transaction;
        private IRowInsert? _insert;
        private int _pending;

        /// <summary>Stages one row; a line is one row, so the key (run, case, time, line) never collides.</summary>
        public async Task AddAsync(StagedEvent row, CancellationToken cancellationToken)
        {
            if (_transaction is null)
            {
                _transaction = await connection.BeginTransactionAsync(cancellationToken);
                _insert = dialect.PrepareInsert(connection, _transaction, _sql, Columns);
            }

            _values[0] = runId;
            _values[1] = row.CaseId;
            _values[2] = dialect.ToDb(row.OccurredAt);
            _values[3] = row.Line;
            _values[4] = row.Activity;
            _values[5] = row.Team;
            _values[6] = row.Assignee;
            _values[7] = row.CaseValues;
            await _insert!.ExecuteAsync(_values, cancellationToken);
            if (++_pending >= RowsPerTransaction)
            {
                await CommitAsync(cancellationToken);
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            if (_transaction is not null)
            {
                await _insert!.DisposeAsync();
                _insert = null;
                await _transaction.CommitAsync(cancellationToken);
                await _transaction.DisposeAsync();
                _transaction = null;
            }

            _pending = 0;
        }

        public async ValueTask DisposeAsync()
        {
            if (_insert is not null)
            {
                await _insert.DisposeAsync();
            }

            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
        }
    }
}
