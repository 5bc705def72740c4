namespace Analytics.Tickets;

/// <summary>
/// Numbers a ticket's events so that none is lost to another with the same time and kind: within each
/// (time, kind) the events are counted from 0 in history order. The same history always gets the same
/// numbers, so storing it again changes nothing.
/// </summary>
public static class EventSequence
{
    /// <summary>Renumbers <paramref name="events"/> in place; they must be one ticket's, in history order.</summary>
    public static void Number(List<TicketEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        Dictionary<(DateTimeOffset, TicketEventKind), int>? seen = null;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var key = (e.OccurredAt, e.Kind);
            seen ??= new Dictionary<(DateTimeOffset, TicketEventKind), int>();
            seen.TryGetValue(key, out var count);
            seen[key] = count + 1;
            if (e.Sequence != count)
            {
                events[i] = e with { Sequence = count };
            }
        }
    }
}
