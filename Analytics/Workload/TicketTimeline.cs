namespace Analytics.Workload;

/// <summary>
/// Who held a ticket when. From the source's event log where it has one; otherwise the last holder
/// is taken to have held it throughout, which is all such a source can tell.
/// </summary>
internal static class TicketTimeline
{
    /// <summary>The teams that held the ticket, from opening to resolution (or now).</summary>
    public static void Teams(WorkloadTicket ticket, List<Holding> into) =>
        Holdings(ticket.Team, ticket.TeamChanges, ticket, into);

    /// <summary>The agents that held the ticket, from opening to resolution (or now).</summary>
    public static void Assignees(WorkloadTicket ticket, List<Holding> into) =>
        Holdings(ticket.Assignee, ticket.AssigneeChanges, ticket, into);

    private static void Holdings(string? last, List<Handover> changes, WorkloadTicket ticket, List<Holding> into)
    {
        into.Clear();
        var end = ticket.ResolvedAt;
        if (changes.Count == 0)
        {
            if (last is not null)
            {
                into.Add(new Holding(last, ticket.OpenedAt, end, false));
            }

            return;
        }

        // Before the first change the holder is the change's "from" value (unassigned when the source left it empty).
        var holder = changes[0].From;
        var since = ticket.OpenedAt;
        foreach (var change in changes)
        {
            var at = change.At < ticket.OpenedAt ? ticket.OpenedAt : change.At;
            if ((end is { } resolved && at >= resolved) || string.Equals(holder, change.To, StringComparison.Ordinal))
            {
                // Changes after resolution do not move work; a "change" to the same holder is none.
                continue;
            }

            if (holder is not null && at > since)
            {
                into.Add(new Holding(holder, since, at, true));
            }

            holder = change.To;
            since = at;
        }

        if (holder is not null)
        {
            into.Add(new Holding(holder, since, end, false));
        }
    }
}
