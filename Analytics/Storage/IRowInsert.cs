using System.Data.Common;

namespace Analytics.Storage;

/// <summary>
/// One prepared INSERT executed many times inside a transaction, with values given by position: the
/// hot path of writing events and staging event-log rows, millions per import.
/// </summary>
internal interface IRowInsert : IAsyncDisposable
{
    /// <summary>Runs the insert with <paramref name="values"/> (null for NULL) and returns the rows it inserted.</summary>
    Task<int> ExecuteAsync(object?[] values, CancellationToken cancellationToken);
}

/// <summary>The portable insert: a prepared ADO.NET command with one parameter per column.</summary>
internal sealed class CommandRowInsert : IRowInsert
{
    private readonly DbCommand _command;
    private readonly DbParameter[] _parameters;
    private readonly bool _canPrepare;
    private bool _prepared;

    private CommandRowInsert(DbCommand command, DbParameter[] parameters, bool canPrepare)
    {
        _command = command;
        _parameters = parameters;
        _canPrepare = canPrepare;
    }

    public static IRowInsert Create(DbConnection connection, DbTransaction transaction, string sql, IReadOnlyList<string> columns, SqlDialect dialect)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = "@" + columns[i];
            command.Parameters.Add(parameters[i]);
        }

        return new CommandRowInsert(command, parameters, dialect.CanPrepareUntypedCommands);
    }

    public async Task<int> ExecuteAsync(object?[] values, CancellationToken cancellationToken)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i].Value = values[i] ?? DBNull.Value;
        }

        if (!_prepared && _canPrepare)
        {
            // Prepared once the parameters have values: Npgsql infers the types from them.
            await _command.PrepareAsync(cancellationToken);
            _prepared = true;
        }

        return await _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();
}
