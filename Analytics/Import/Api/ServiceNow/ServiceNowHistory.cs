using System.Globalization;
using Analytics.Tickets;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>One sys_audit row: a field of a record changed from one stored value to another.</summary>
internal sealed record AuditRow(string Table, string DocumentKey, string Field, string? OldValue, string? NewValue, string? User, DateTimeOffset At, int Checkpoint, string SysId);

/// <summary>
/// Turns a ticket's audit rows into its events, in history order (record_checkpoint, the record's update
/// counter; then the audit time), and derives what the history says beyond the record's own counters,
/// with the CSV profile's rules: a handover between groups is a reassignment, the first assignment or the
/// first step out of New is the first response, and leaving Resolved or Closed for a working state is a
/// reopen.
/// </summary>
internal static class ServiceNowHistory
{
    public static AuditRow? Read(ServiceNowRecord record)
    {
        var table = record.Value("tablename");
        var key = record.Value("documentkey");
        var field = record.Value("fieldname");
        if (table is null || key is null || field is null || record.Time("sys_created_on", out _) is not { } at)
        {
            return null;
        }

        var checkpoint = int.TryParse(record.Value("record_checkpoint"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : int.MaxValue;
        return new AuditRow(table, key, field, record.Value("oldvalue"), record.Value("newvalue"), record.Value("user"), at, checkpoint, record.Value("sys_id") ?? string.Empty);
    }

    public static ApiTicket Fold(MappedRecord mapped, IEnumerable<AuditRow> rows, ServiceNowNames names)
    {
        var t = mapped.Ticket;
        var events = new List<TicketEvent>();
        var handovers = 0;
        var reopens = 0;
        DateTimeOffset? firstResponse = null;
        foreach (var row in rows.OrderBy(r => r.Checkpoint).ThenBy(r => r.At).ThenBy(r => FieldOrder(r.Field)).ThenBy(r => r.SysId, StringComparer.Ordinal))
        {
            var from = names.Name(mapped.Table, row.Field, row.OldValue);
            var to = names.Name(mapped.Table, row.Field, row.NewValue);
            if (to is null || string.Equals(from, to, StringComparison.Ordinal))
            {
                continue;
            }

            var kind = row.Field switch
            {
                "assignment_group" => TicketEventKind.TeamAssignment,
                "assigned_to" => TicketEventKind.Assignment,
                _ => TicketEventKind.Status,
            };
            events.Add(new TicketEvent
            {
                Source = t.Source,
                TicketId = t.TicketId,
                OccurredAt = row.At,
                Kind = kind,
                FromValue = from,
                ToValue = to,
                Actor = row.User,
            });
            switch (kind)
            {
                case TicketEventKind.TeamAssignment when from is not null:
                    handovers++;
                    break;
                case TicketEventKind.Assignment:
                    firstResponse ??= row.At;
                    break;
                case TicketEventKind.Status:
                    if (from is not null && !Is(to, "New"))
                    {
                        firstResponse ??= row.At;
                    }

                    if (IsDone(from) && !IsDone(to) && !Is(to, "Canceled") && !Is(to, "Cancelled"))
                    {
                        reopens++;
                    }

                    break;
            }
        }

        EventSequence.Number(events);
        var ticket = t with
        {
            ReassignmentCount = Math.Max(t.ReassignmentCount, handovers),
            ReopenCount = Math.Max(t.ReopenCount, reopens),
            FirstResponseAt = t.FirstResponseAt ?? firstResponse,
        };
        return new ApiTicket(ticket, events);
    }

    /// <summary>Within one update the group changes before the person in it, and both before the state.</summary>
    private static int FieldOrder(string field) => field switch
    {
        "assignment_group" => 0,
        "assigned_to" => 1,
        _ => 2,
    };

    private static bool Is(string? state, string word) => string.Equals(state, word, StringComparison.OrdinalIgnoreCase);

    private static bool IsDone(string? state) =>
        Is(state, "Resolved") || (state is not null && state.StartsWith("Closed", StringComparison.OrdinalIgnoreCase));
}
