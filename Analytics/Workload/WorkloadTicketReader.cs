using System.Data.Common;
using System.Runtime.CompilerServices;
using Analytics.Storage;
using Analytics.Tickets;
using Dapper;

namespace Analytics.Workload;

/// <summary>
/// Streams the tickets that matter for a window of weeks, each with its team and assignment events,
/// in one query ordered by ticket so that a ticket's event rows arrive together. One ticket object
/// is reused: memory does not grow with the history.
/// </summary>
internal sealed class WorkloadTicketReader(IDbConnectionFactory connections)
{
    public async IAsyncEnumerable<WorkloadTicket> ReadAsync(DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var dialect = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT t.source, t.ticket_id, t.kind, t.priority, t.team, t.assignee, t.resolved_by, t.opened_at, t.resolved_at,
                   t.sla_breached, t.reopen_count, t.reassignment_count, e.occurred_at, e.kind, e.from_value, e.to_value
            FROM {dialect.Table("tickets")} t
            LEFT JOIN {dialect.Table("ticket_events")} e
                   ON e.source = t.source AND e.ticket_id = t.ticket_id AND e.kind IN ('assignment', 'team_assignment')
            WHERE t.opened_at < @until AND (t.resolved_at IS NULL OR t.resolved_at >= @from)
            ORDER BY t.source, t.ticket_id, e.occurred_at
            """,
            new { from = dialect.ToDb(from), until = dialect.ToDb(until) },
            cancellationToken: cancellationToken));

        var ticket = new WorkloadTicket();
        var any = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            var source = reader.GetString(0);
            var id = reader.GetString(1);
            if (!any || !string.Equals(id, ticket.TicketId, StringComparison.Ordinal) || !string.Equals(source, ticket.Source, StringComparison.Ordinal))
            {
                if (any)
                {
                    yield return ticket;
                }

                Load(ticket, reader, source, id, dialect);
                any = true;
            }

            if (!reader.IsDBNull(12))
            {
                var change = new Handover(dialect.ReadInstant(reader, 12), Text(reader, 14), Text(reader, 15));
                (reader.GetString(13) == "team_assignment" ? ticket.TeamChanges : ticket.AssigneeChanges).Add(change);
            }
        }

        if (any)
        {
            yield return ticket;
        }
    }

    private static void Load(WorkloadTicket t, DbDataReader r, string source, string id, SqlDialect dialect)
    {
        t.Clear();
        t.Source = source;
        t.TicketId = id;
        t.Kind = CanonicalNames.ParseKind(r.GetString(2));
        t.PriorityLevel = Priority.Level(Text(r, 3));
        t.Team = Text(r, 4);
        t.Assignee = Text(r, 5);
        t.ResolvedBy = Text(r, 6);
        t.OpenedAt = dialect.ReadInstant(r, 7);
        t.ResolvedAt = dialect.ReadNullableInstant(r, 8);
        t.SlaBreached = r.IsDBNull(9) ? null : dialect.ReadBool(r, 9);
        t.ReopenCount = Convert.ToInt32(r.GetValue(10), System.Globalization.CultureInfo.InvariantCulture);
        t.ReassignmentCount = Convert.ToInt32(r.GetValue(11), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
