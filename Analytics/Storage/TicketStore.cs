using System.Data.Common;
using System.Runtime.CompilerServices;
using Analytics.Tickets;
using Dapper;

namespace Analytics.Storage;

/// <summary>Tickets and their events in the canonical store.</summary>
public sealed class TicketStore(IDbConnectionFactory connections)
{
    private static readonly string[] EventKeys = ["source", "ticket_id", "occurred_at", "kind", "seq"];
    private static readonly string[] EventColumns = ["source", "ticket_id", "occurred_at", "kind", "seq", "from_value", "to_value", "actor"];

    private SqlDialect Dialect => connections.Dialect;

    /// <summary>Opens a writer for batched ticket upserts; <paramref name="fileFingerprint"/> enables duplicate detection within a file.</summary>
    public async Task<TicketBatchWriter> OpenWriterAsync(string? fileFingerprint, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenAsync(cancellationToken);
        return new TicketBatchWriter(connection, Dialect, fileFingerprint);
    }

    /// <summary>Upserts tickets that do not come from a file (demo data, database sync).</summary>
    public async Task<IReadOnlyList<TicketWriteResult>> UpsertAsync(IReadOnlyList<Ticket> tickets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tickets);
        await using var writer = await OpenWriterAsync(null, cancellationToken);
        return await writer.WriteAsync(tickets.Select(t => new TicketWrite(t, null)).ToList(), cancellationToken);
    }

    public async Task<Ticket?> GetAsync(string source, string ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {TicketRows.SelectList} FROM {Dialect.Table("tickets")} WHERE source = @source AND ticket_id = @ticketId",
            new { source, ticketId },
            cancellationToken: cancellationToken));
        return await reader.ReadAsync(cancellationToken) ? TicketRows.Read(reader, Dialect) : null;
    }

    /// <summary>Streams all tickets in key order without holding them in memory.</summary>
    public async IAsyncEnumerable<Ticket> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT {TicketRows.SelectList} FROM {Dialect.Table("tickets")} ORDER BY source, ticket_id",
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return TicketRows.Read(reader, Dialect);
        }
    }

    /// <summary>The first and last opening time of the tickets opened before <paramref name="until"/>; null when there are none.</summary>
    public async Task<(DateTimeOffset First, DateTimeOffset Last)?> GetOpenedRangeAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT MIN(opened_at), MAX(opened_at) FROM {Dialect.Table("tickets")} WHERE opened_at < @until",
            new { until = Dialect.ToDb(until) },
            cancellationToken: cancellationToken));
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
        {
            return null;
        }

        return (Dialect.ReadInstant(reader, 0), Dialect.ReadInstant(reader, 1));
    }

    public async Task<long> CountAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM {Dialect.Table("tickets")}", cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Adds events; an event already stored (same ticket, time, kind and sequence) is left as it is, so
    /// adding a history again changes nothing. One prepared statement per call: an event-log import
    /// writes several events per row.
    /// </summary>
    public async Task<int> AddEventsAsync(IEnumerable<TicketEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = Dialect.PrepareInsert(connection, transaction, Dialect.InsertIfAbsent("ticket_events", EventKeys, EventColumns), EventColumns);
        var values = new object?[EventColumns.Length];
        var written = 0;
        DateTimeOffset? lastAt = null;
        object? lastAtValue = null;
        foreach (var e in events)
        {
            // A row of an event log yields its status event and any hand-overs at the same instant: format it once.
            if (lastAt != e.OccurredAt)
            {
                lastAt = e.OccurredAt;
                lastAtValue = Dialect.ToDb(e.OccurredAt);
            }

            values[0] = e.Source;
            values[1] = e.TicketId;
            values[2] = lastAtValue;
            values[3] = CanonicalNames.Of(e.Kind);
            values[4] = e.Sequence;
            values[5] = e.FromValue;
            values[6] = e.ToValue;
            values[7] = e.Actor;
            written += await insert.ExecuteAsync(values, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return written;
    }

    public async Task<IReadOnlyList<TicketEvent>> GetEventsAsync(string source, string ticketId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT source, ticket_id, occurred_at, kind, from_value, to_value, actor, seq
            FROM {Dialect.Table("ticket_events")}
            WHERE source = @source AND ticket_id = @ticketId
            ORDER BY occurred_at, kind, seq
            """,
            new { source, ticketId },
            cancellationToken: cancellationToken));
        var events = new List<TicketEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(ReadEvent(reader));
        }

        return events;
    }

    private TicketEvent ReadEvent(DbDataReader r) => new()
    {
        Source = r.GetString(0),
        TicketId = r.GetString(1),
        OccurredAt = Dialect.ReadInstant(r, 2),
        Kind = CanonicalNames.ParseEventKind(r.GetString(3)),
        FromValue = r.IsDBNull(4) ? null : r.GetString(4),
        ToValue = r.IsDBNull(5) ? null : r.GetString(5),
        Actor = r.IsDBNull(6) ? null : r.GetString(6),
        Sequence = r.GetInt32(7),
    };
}
