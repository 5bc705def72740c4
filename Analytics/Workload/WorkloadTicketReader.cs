using System.Data.Common;
using System.Runtime.CompilerServices;
using Analytics.Storage;
using Analytics.Tickets;
using Dapper;

namespace Analytics.Workload;

/// <summary>
/// Streams the tickets that matter for a window of weeks, each with its team and assignment events,
/// in one query ordered by ticket so that a ticket's event rows arrive together. One ticket object
/// is reused: memory does not grow with the history. The query hands over numbers wherever it can
/// (instants as epoch seconds, the kind as a code, NULLs folded away), because each column read is a
/// native call and a million tickets make that the pass's main cost.
/// </summary>
internal sealed class WorkloadTicketReader(IDbConnectionFactory connections)
{
    private static readonly TicketKind[] Kinds = [TicketKind.Incident, TicketKind.Request, TicketKind.Change, TicketKind.Problem, TicketKind.Task, TicketKind.Maintenance];

    public async IAsyncEnumerable<WorkloadTicket> ReadAsync(DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT t.ticket_id,
                   CASE t.kind WHEN 'incident' THEN 0 WHEN 'request' THEN 1 WHEN 'change' THEN 2 WHEN 'problem' THEN 3 WHEN 'task' THEN 4 ELSE 5 END,
                   COALESCE(t.priority, ''), COALESCE(t.team, ''), COALESCE(t.assignee, ''), COALESCE(t.resolved_by, ''),
                   {d.EpochSeconds("t.opened_at")}, COALESCE({d.EpochSeconds("t.resolved_at")}, -1),
                   COALESCE(CAST(t.sla_breached AS INTEGER), -1), t.reopen_count, t.reassignment_count,
                   CASE WHEN e.kind IS NULL THEN 0 WHEN e.kind = 'team_assignment' THEN 2 ELSE 1 END,
                   {d.EpochSeconds("e.occurred_at")}, e.from_value, e.to_value, t.source
            FROM {d.Table("tickets")} t
            LEFT JOIN {d.Table("ticket_events")} e
                   ON e.source = t.source AND e.ticket_id = t.ticket_id AND e.kind IN ('assignment', 'team_assignment')
            WHERE t.opened_at < @until AND (t.resolved_at IS NULL OR t.resolved_at >= @from)
            ORDER BY t.source, t.ticket_id
            """,
            new { from = d.ToDb(from), until = d.ToDb(until) },
            cancellationToken: cancellationToken));

        var ticket = new WorkloadTicket();
        var any = false;
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetString(0);
            var eventKind = reader.GetInt32(11);

            // Only a ticket with events spans several rows; the source is read to tell tickets apart only then.
            var continues = any && eventKind != 0 && string.Equals(id, ticket.TicketId, StringComparison.Ordinal) && string.Equals(reader.GetString(15), ticket.Source, StringComparison.Ordinal);
            if (!continues)
            {
                if (any)
                {
                    ticket.SortChanges();
                    yield return ticket;
                }

                Load(ticket, reader, id, eventKind != 0);
                any = true;
            }

            if (eventKind != 0)
            {
                var change = new Handover(DateTimeOffset.FromUnixTimeSeconds(reader.GetInt64(12)), Text(reader, 13), Text(reader, 14));
                (eventKind == 2 ? ticket.TeamChanges : ticket.AssigneeChanges).Add(change);
            }
        }

        if (any)
        {
            ticket.SortChanges();
            yield return ticket;
        }
    }

    private static void Load(WorkloadTicket t, DbDataReader r, string id, bool hasEvents)
    {
        t.Clear();
        t.TicketId = id;
        t.Source = hasEvents ? r.GetString(15) : "";
        t.Kind = Kinds[r.GetInt32(1)];
        t.PriorityLevel = Priority.Level(Empty(r.GetString(2)));
        t.Team = Empty(r.GetString(3));
        t.Assignee = Empty(r.GetString(4));
        t.ResolvedBy = Empty(r.GetString(5));
        t.OpenedAt = DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(6));
        var resolved = r.GetInt64(7);
        t.ResolvedAt = resolved < 0 ? null : DateTimeOffset.FromUnixTimeSeconds(resolved);
        var sla = r.GetInt64(8);
        t.SlaBreached = sla < 0 ? null : sla != 0;
        t.ReopenCount = r.GetInt32(9);
        t.ReassignmentCount = r.GetInt32(10);
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static string? Text(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
