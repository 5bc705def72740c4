using System.Runtime.CompilerServices;
using Analytics.Storage;
using Analytics.Tickets;

namespace Analytics.Workload;

/// <summary>
/// Streams the tickets that matter for a window of weeks, each with its team and assignment events,
/// in one query. One ticket object is reused: memory does not grow with the history. The query hands
/// over numbers wherever it can (instants as epoch seconds, the kind and the yes/no facts packed into
/// one code), because each column read is a native call and a million tickets make that the pass's
/// main cost.
/// </summary>
/// <remarks>
/// A ticket's events come as rows of their own right after the ticket's row: a UNION ALL of tickets and
/// events ordered by ticket key and then event time, where the ticket row's time is NULL and sorts first.
/// An event row therefore belongs to the last ticket row read, and the key columns are never read or
/// compared in C# (the database's collation alone decides what "the same ticket" is, as the EXISTS does).
/// A LEFT JOIN would look the events up once per ticket, though most tickets have none; both arms of
/// the union come in key order from their primary keys, so SQLite merges them without sorting.
/// </remarks>
internal sealed class WorkloadTicketReader(IDbConnectionFactory connections)
{
    private static readonly TicketKind[] Kinds = [TicketKind.Incident, TicketKind.Request, TicketKind.Change, TicketKind.Problem, TicketKind.Task, TicketKind.Maintenance];

    // The code column: a ticket row packs its kind (bits 0-2), SLA outcome + 1 (bits 3-4: 0 unknown,
    // 1 met, 2 breached), reopened (bit 5) and reassigned (bit 6); an event row is one of two codes above those.
    private const int SlaShift = 3;
    private const int ReopenedBit = 32;
    private const int ReassignedBit = 64;
    private const int AssignmentRow = 128;
    private const int TeamAssignmentRow = 129;

    // Columns after the three sort keys (source, ticket_id, event_at), which are only for the ORDER BY.
    private const int Code = 3;
    private const int At = 4;
    private const int ResolvedAt = 5;
    private const int TeamOrFrom = 6;
    private const int AssigneeOrTo = 7;
    private const int ResolvedBy = 8;

    /// <summary>The query for a dialect, with @from and @until bound to the window's UTC edges.</summary>
    internal static string Sql(SqlDialect d)
    {
        const string inWindow = "t.opened_at < @until AND (t.resolved_at IS NULL OR t.resolved_at >= @from)";
        return $"""
            SELECT t.source AS source, t.ticket_id AS ticket_id, NULL AS event_at,
                   CASE t.kind WHEN 'incident' THEN 0 WHEN 'request' THEN 1 WHEN 'change' THEN 2 WHEN 'problem' THEN 3 WHEN 'task' THEN 4 ELSE 5 END
                     + CASE WHEN t.sla_breached IS NULL THEN 0 WHEN CAST(t.sla_breached AS INTEGER) = 0 THEN {1 << SlaShift} ELSE {2 << SlaShift} END
                     + CASE WHEN t.reopen_count > 0 THEN {ReopenedBit} ELSE 0 END
                     + CASE WHEN t.reassignment_count > 0 THEN {ReassignedBit} ELSE 0 END AS code,
                   {d.EpochSeconds("t.opened_at")} AS at_seconds, COALESCE({d.EpochSeconds("t.resolved_at")}, -1) AS resolved_seconds,
                   COALESCE(t.team, '') AS team_or_from, COALESCE(t.assignee, '') AS assignee_or_to, COALESCE(t.resolved_by, '') AS resolved_by
            FROM {d.Table("tickets")} t
            WHERE {inWindow}
            UNION ALL
            SELECT e.source, e.ticket_id, e.occurred_at,
                   CASE WHEN e.kind = 'team_assignment' THEN {TeamAssignmentRow} ELSE {AssignmentRow} END,
                   {d.EpochSeconds("e.occurred_at")}, -1, e.from_value, e.to_value, NULL
            FROM {d.Table("ticket_events")} e
            WHERE e.kind IN ('assignment', 'team_assignment')
              AND EXISTS (SELECT 1 FROM {d.Table("tickets")} t WHERE t.source = e.source AND t.ticket_id = e.ticket_id AND {inWindow})
            ORDER BY source, ticket_id, {d.AscendingNullsFirst("event_at")}
            """;
    }

    public async IAsyncEnumerable<WorkloadTicket> ReadAsync(DateTimeOffset from, DateTimeOffset until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var rows = await d.StreamRowsAsync(connection, Sql(d), [new("from", d.ToDb(from)), new("until", d.ToDb(until))], cancellationToken);

        var ticket = new WorkloadTicket();
        var any = false;
        while (await rows.ReadAsync(cancellationToken))
        {
            var code = rows.GetInt32(Code);
            if (code < AssignmentRow)
            {
                if (any)
                {
                    ticket.SortChanges();
                    yield return ticket;
                }

                Load(ticket, rows, code);
                any = true;
                continue;
            }

            if (!any)
            {
                throw new InvalidOperationException("An event row came before any ticket row: the workload query's ordering is broken.");
            }

            var change = new Handover(DateTimeOffset.FromUnixTimeSeconds(rows.GetInt64(At)), Text(rows, TeamOrFrom), Text(rows, AssigneeOrTo));
            (code == TeamAssignmentRow ? ticket.TeamChanges : ticket.AssigneeChanges).Add(change);
        }

        if (any)
        {
            ticket.SortChanges();
            yield return ticket;
        }
    }

    private static void Load(WorkloadTicket t, RowStream r, int code)
    {
        t.Clear();
        t.Kind = Kinds[code & 7];
        var sla = (code >> SlaShift) & 3;
        t.SlaBreached = sla == 0 ? null : sla == 2;
        t.Reopened = (code & ReopenedBit) != 0;
        t.Reassigned = (code & ReassignedBit) != 0;
        t.OpenedAt = DateTimeOffset.FromUnixTimeSeconds(r.GetInt64(At));
        var resolved = r.GetInt64(ResolvedAt);
        t.ResolvedAt = resolved < 0 ? null : DateTimeOffset.FromUnixTimeSeconds(resolved);
        t.Team = Empty(r.GetName(TeamOrFrom));
        t.Assignee = Empty(r.GetName(AssigneeOrTo));
        t.ResolvedBy = Empty(r.GetName(ResolvedBy));
    }

    private static string? Empty(string text) => text.Length == 0 ? null : text;

    private static string? Text(RowStream r, int ordinal) => r.IsNull(ordinal) ? null : r.GetName(ordinal);
}
