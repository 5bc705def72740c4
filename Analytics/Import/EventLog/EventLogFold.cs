using Analytics.Tickets;

namespace Analytics.Import.EventLog;

/// <summary>
/// Folds one case's events, in time order (ties in file order), into the facts of its ticket and the
/// ticket's events: one status event per row, and a hand-over event for every change of team or person.
/// A resolution or closure ends the case until a reopening activity; the ticket's team and assignee are
/// the last ones named.
/// </summary>
internal sealed class EventLogFold(EventLogMapping mapping)
{
    private readonly ActivityMatcher _opened = new(mapping.Opened);
    private readonly ActivityMatcher _resolved = new(mapping.Resolved);
    private readonly ActivityMatcher _closed = new(mapping.Closed);
    private readonly ActivityMatcher _reopened = new(mapping.Reopened);

    public (CaseFacts Facts, List<TicketEvent> Events) Fold(string source, IReadOnlyList<StagedEvent> history)
    {
        var caseId = history[0].CaseId;
        var events = new List<TicketEvent>(history.Count + 4);
        DateTimeOffset? opened = null;
        DateTimeOffset? resolved = null;
        DateTimeOffset? closed = null;
        string? resolvedBy = null;
        string? team = null;
        string? assignee = null;
        var reopens = 0;
        var handOvers = 0;
        string? activity = null;

        foreach (var e in history)
        {
            if (opened is null && _opened.Matches(e.Activity))
            {
                opened = e.OccurredAt;
            }

            if (e.Team is not null && !string.Equals(e.Team, team, StringComparison.Ordinal))
            {
                events.Add(Event(source, caseId, e, TicketEventKind.TeamAssignment, team, e.Team));
                if (team is not null)
                {
                    handOvers++;
                }

                team = e.Team;
            }

            if (e.Assignee is not null && !string.Equals(e.Assignee, assignee, StringComparison.Ordinal))
            {
                events.Add(Event(source, caseId, e, TicketEventKind.Assignment, assignee, e.Assignee));
                assignee = e.Assignee;
            }


            events.Add(Event(source, caseId, e, TicketEventKind.Status, activity, e.Activity));
            activity = e.Activity;

            if (_reopened.Matches(e.Activity))
            {
                if (resolved is not null || closed is not null)
                {
                    reopens++;
                    resolved = null;
                    closed = null;
                    resolvedBy = null;
                }
            }
            else if (_closed.Matches(e.Activity))
            {
                closed ??= e.OccurredAt;
                if (resolved is null)
                {
                    resolved = e.OccurredAt;
                    resolvedBy = assignee;
                }
            }
            else if (_resolved.Matches(e.Activity) && resolved is null)
            {
                resolved = e.OccurredAt;
                resolvedBy = assignee;
            }
        }

        EventSequence.Number(events);
        var facts = new CaseFacts(
            caseId,
            opened ?? history[0].OccurredAt,
            resolved,
            closed,
            team,
            assignee,
            resolvedBy,
            reopens,
            handOvers,
            history[^1].OccurredAt);
        return (facts, events);
    }

    private static TicketEvent Event(string source, string caseId, StagedEvent e, TicketEventKind kind, string? from, string? to) => new()
    {
        Source = source,
        TicketId = caseId,
        OccurredAt = e.OccurredAt,
        Kind = kind,
        FromValue = from,
        ToValue = to,
        Actor = e.Assignee,
    };
}
