using System.Globalization;
using System.Text.Json;
using Analytics.Tickets;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// An issue's changelog read into ticket events: status, assignee and team changes, oldest first. The
/// search gives the histories newest first and may cut them short; the changelog endpoint gives them
/// oldest first. Either way they are put in history order here (time, then the history's id).
/// </summary>
internal static class JiraChangelog
{
    /// <summary>One history entry: when, who, and its changed items.</summary>
    public sealed record History(long Id, DateTimeOffset At, string? Author, IReadOnlyList<JsonElement> Items);

    /// <summary>What the changelog says beyond the events: the resolver and how often the resolution was cleared.</summary>
    public sealed record Folded(List<TicketEvent> Events, string? ResolvedBy, int Reopens, int TeamChanges);

    /// <summary>
    /// Reads history entries; a history whose time cannot be read makes the record a problem (its events
    /// would be in the wrong place), reported through <paramref name="problem"/>.
    /// </summary>
    public static List<History>? Read(IEnumerable<JsonElement> histories, out (string Field, string? Raw, string Reason)? problem)
    {
        problem = null;
        var read = new List<History>();
        foreach (var h in histories)
        {
            var created = JiraJson.Text(h, "created");
            if (!JiraTime.TryInstant(created, out var at))
            {
                problem = ("changelog.histories.created", created, "not a Jira date-time (2026-01-15T09:05:12.345+0100)");
                return null;
            }

            var id = long.TryParse(JiraJson.Text(h, "id"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
            var author = JiraJson.Property(h, "author") is { } a ? JiraJson.Name(a) : null;
            read.Add(new History(id, at, author, JiraJson.Items(h, "items").ToList()));
        }

        return read;
    }

    /// <summary>The events of one ticket, numbered; <paramref name="teamField"/> is the changelog fieldId of team changes.</summary>
    public static Folded Fold(string source, string ticketId, IEnumerable<History> histories, string teamField)
    {
        var events = new List<TicketEvent>();
        string? resolvedBy = null;
        var reopens = 0;
        var teamChanges = 0;
        foreach (var h in histories.OrderBy(h => h.At).ThenBy(h => h.Id))
        {
            string? removedComponent = null;
            string? addedComponent = null;
            foreach (var item in h.Items)
            {
                var field = JiraJson.Text(item, "fieldId") ?? JiraJson.Text(item, "field");
                var from = JiraJson.Text(item, "fromString");
                var to = JiraJson.Text(item, "toString");
                switch (field)
                {
                    case "status" or "Status":
                        Add(TicketEventKind.Status, from, to);
                        break;
                    case "assignee" or "Assignee":
                        Add(TicketEventKind.Assignment, from, to);
                        break;
                    case "resolution" or "Resolution":
                        // Jira sets the resolution when work is resolved and clears it when the issue is reopened.
                        if (JiraJson.Text(item, "to") is not null || to is not null)
                        {
                            resolvedBy = h.Author;
                        }
                        else if (JiraJson.Text(item, "from") is not null || from is not null)
                        {
                            reopens++;
                            resolvedBy = null;
                        }

                        break;
                    case "components" or "Component" when teamField == "components":
                        // A component swap is a removal and an addition: one team change from the one to the other.
                        removedComponent ??= from;
                        addedComponent ??= to;
                        break;
                    default:
                        if (field == teamField)
                        {
                            TeamChange(from, to);
                        }

                        break;
                }
            }

            if (addedComponent is not null)
            {
                TeamChange(removedComponent, addedComponent);
            }

            void Add(TicketEventKind kind, string? from, string? to)
            {
                if (from != to)
                {
                    events.Add(new TicketEvent
                    {
                        Source = source, TicketId = ticketId, OccurredAt = h.At, Kind = kind, FromValue = from, ToValue = to, Actor = h.Author,
                    });
                }
            }

            void TeamChange(string? from, string? to)
            {
                if (from is not null && to is not null && from != to)
                {
                    teamChanges++;
                }

                Add(TicketEventKind.TeamAssignment, from, to);
            }
        }

        EventSequence.Number(events);
        return new Folded(events, resolvedBy, reopens, teamChanges);
    }
}
