using System.Data.Common;
using Analytics.Tickets;

namespace Analytics.Storage;

/// <summary>One prepared ticket upsert, executed once per changed ticket inside a batch's transaction.</summary>
internal interface ITicketUpsert : IAsyncDisposable
{
    Task ExecuteAsync(Ticket ticket, long hash, string? fingerprint, long? line, CancellationToken cancellationToken);
}

/// <summary>The portable upsert: a prepared ADO.NET command with one parameter per column.</summary>
internal sealed class CommandTicketUpsert(DbCommand command, SqlDialect dialect) : ITicketUpsert
{
    public static async Task<ITicketUpsert> PrepareAsync(DbConnection connection, DbTransaction transaction, SqlDialect dialect, CancellationToken cancellationToken)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = dialect.Upsert("tickets", TicketRows.Keys, TicketRows.Columns);
        TicketRows.AddParameters(command);
        if (dialect.CanPrepareUntypedCommands)
        {
            await command.PrepareAsync(cancellationToken);
        }

        return new CommandTicketUpsert(command, dialect);
    }

    public async Task ExecuteAsync(Ticket ticket, long hash, string? fingerprint, long? line, CancellationToken cancellationToken)
    {
        TicketRows.Bind(command, ticket, hash, fingerprint, line, dialect);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => command.DisposeAsync();
}
