using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>Folds one ticket's audit rows into its last state plus the events between them, in history order.</summary>
internal static class AuditTrailFold
{
    /// <summary>
    /// <paramref name="rows"/> in file order. History order is the update counter, then the update time, then
    /// file order: exports repeat sys_mod_count when several updates commit together, and the last of those is
    /// the record's state.
    /// </summary>
    public static ImportItem Fold(IReadOnlyList<SnRow> rows)
    {
        var history = rows.OrderBy(r => r.Revision).ThenBy(r => r.UpdatedAt).ThenBy(r => r.Line).ToList();
        var last = history[^1].Ticket;
        var events = new List<TicketEvent>();
        SnRow? previous = null;
        var teamChanges = 0;
        var reopens = 0;
        DateTimeOffset? firstResponse = null;
        DateTimeOffset? resolvedAt = null;
        string? resolvedBy = null;

        foreach (var row in history)
        {
            var at = row.UpdatedAt ?? row.Ticket.OpenedAt;
            var t = row.Ticket;
            var before = previous?.Ticket;
            if (!string.Equals(before?.Team, t.Team, StringComparison.Ordinal) && t.Team is not null)
            {
                events.Add(Event(t, at, TicketEventKind.TeamAssignment, before?.Team, t.Team, row.UpdatedBy));
                if (before?.Team is not null)
                {
                    teamChanges++;
                }
            }

            if (!string.Equals(before?.Assignee, t.Assignee, StringComparison.Ordinal) && t.Assignee is not null)
            {
                events.Add(Event(t, at, TicketEventKind.Assignment, before?.Assignee, t.Assignee, row.UpdatedBy));
                firstResponse ??= at;
            }

            if (!string.Equals(previous?.State, row.State, StringComparison.OrdinalIgnoreCase) && row.State is not null)
            {
                events.Add(Event(t, at, TicketEventKind.Status, previous?.State, row.State, row.UpdatedBy));
                if (previous?.State is not null && !IsNew(row.State))
                {
                    firstResponse ??= at;
                }

                if (IsDone(previous?.State) && !IsDone(row.State) && !IsCanceled(row.State))
                {
                    reopens++;
                }

                if (IsResolved(row.State))
                {
                    resolvedAt = at;
                    resolvedBy = row.UpdatedBy;
                }
            }

            previous = row;
        }

        var folded = last with
        {
            ReassignmentCount = Math.Max(last.ReassignmentCount, teamChanges),
            ReopenCount = Math.Max(last.ReopenCount, reopens),
            FirstResponseAt = last.FirstResponseAt ?? firstResponse,
            ResolvedAt = last.ResolvedAt ?? (IsDone(history[^1].State) ? resolvedAt : null),
            ResolvedBy = last.ResolvedBy ?? (IsDone(history[^1].State) ? resolvedBy : null),
        };
        EventSequence.Number(events);
        return new ImportItem(rows[0].Line) { Ticket = folded, Events = events };
    }

    private static TicketEvent Event(Ticket t, DateTimeOffset at, TicketEventKind kind, string? from, string? to, string? actor) => new()
    {
        Source = t.Source,
        TicketId = t.TicketId,
        OccurredAt = at,
        Kind = kind,
        FromValue = from,
        ToValue = to,
        Actor = actor,
    };

    private static bool IsNew(string? state) => string.Equals(state, "New", StringComparison.OrdinalIgnoreCase);

    private static bool IsResolved(string? state) => string.Equals(state, "Resolved", StringComparison.OrdinalIgnoreCase);

    internal static bool IsCanceled(string? state) => string.Equals(state, "Canceled", StringComparison.OrdinalIgnoreCase) || string.Equals(state, "Cancelled", StringComparison.OrdinalIgnoreCase);

    private static bool IsDone(string? state) =>
        IsResolved(state) || string.Equals(state, "Closed", StringComparison.OrdinalIgnoreCase);
}
