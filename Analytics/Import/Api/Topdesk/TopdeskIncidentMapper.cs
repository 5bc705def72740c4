using System.Text.Json;
using Analytics.Import.Profiles;
using Analytics.Tickets;

namespace Analytics.Import.Api.Topdesk;

/// <summary>
/// One incident of TOPdesk's incident API (GET /tas/api/incidents) as a canonical ticket, mapped as the CSV
/// profile (<see cref="TopdeskProfile"/>) maps an incident list export:
/// <list type="bullet">
/// <item>number is the ticket id; callDate the opening (creationDate when the call date is empty);
/// modificationDate the watermark.</item>
/// <item>callType gives the kind (Storing → incident, Verzoek → request, ...), except that a partial
/// (status partial, a piece of a second-line incident handed to another group) is a task.</item>
/// <item>completed/completedDate give resolved_at, falling back to closed/closedDate, which gives closed_at; a
/// false flag makes the ticket open whatever date is left; a true flag without its date is a problem.</item>
/// <item>targetDate is the due date; resolved after it is an SLA breach. responseDate is the first response.</item>
/// <item>operatorGroup is the team; operator the assignee unless it is a group (TOPdesk puts the group there
/// when no person holds the call). entryType gives the channel; Monitoring marks the ticket proactive.</item>
/// <item>timeSpent is minutes.</item>
/// </list>
/// The incident API has no history of field changes (its progress trail holds memos, e-mails and attachments),
/// so the events are what the record itself dates: the call (open), completion and closure.
/// </summary>
internal static class TopdeskIncidentMapper
{
    public const string Open = "Open";
    public const string Completed = "Completed";
    public const string Closed = "Closed";

    /// <summary>The ticket and its events, or the problems that keep the record out (all of them at once).</summary>
    public static (ApiTicket? Ticket, IReadOnlyList<ApiRecordProblem> Problems) Map(JsonElement record, string source, TimeZoneInfo zone)
    {
        var f = new TopdeskFields(record, zone);
        if (record.ValueKind != JsonValueKind.Object)
        {
            f.Problem("(record)", record.GetRawText(), "not a JSON object");
            return (null, f.Problems);
        }

        var number = f.Text("number");
        if (number is null)
        {
            f.Problem("number", null, "the incident has no number");
        }

        var status = f.Text("status");
        var callDate = f.Instant("callDate");
        var created = f.Instant("creationDate");
        var opened = callDate ?? created;
        if (opened is null && f.Find("callDate") is null && f.Find("creationDate") is null)
        {
            f.Problem("callDate", null, "required value is missing");
        }

        var updated = f.Instant("modificationDate");
        if (updated is null && f.Find("modificationDate") is null)
        {
            f.Problem("modificationDate", null, "required value is missing: it is what the sync's watermark follows");
        }

        var closedFlag = f.Bool("closed");
        var closedDate = f.Instant("closedDate");
        var completedFlag = f.Bool("completed");
        var completedDate = f.Instant("completedDate");
        if (closedFlag == true && closedDate is null && f.Find("closedDate") is null)
        {
            f.Problem("closedDate", null, "closed (closed = true) but no closure date");
        }

        var closed = closedFlag == false ? null : closedDate;
        var completed = completedFlag == false ? null : completedDate;
        if (completedFlag == true && completed is null && closed is null && f.Find("completedDate") is null)
        {
            f.Problem("completedDate", null, "completed (completed = true) but no completion date");
        }

        var resolved = completed ?? closed;
        NotBeforeOpened(f, "completedDate", completed, "resolved", opened);
        NotBeforeOpened(f, "closedDate", closed, "closed", opened);

        var due = f.Instant("targetDate");
        var responded = f.Bool("responded");
        var response = f.Instant("responseDate");
        var channel = ChannelNames.Parse(f.Name("entryType"));
        var minutes = f.Number("timeSpent");
        var kind = IsPartial(status) ? TicketKind.Task : KindNames.Parse(f.Name("callType")) ?? TicketKind.Incident;
        var ticket = number is null || opened is null || updated is null ? null : new Ticket
        {
            Source = source,
            TicketId = number,
            Kind = kind,
            Title = f.Text("briefDescription"),
            Category = f.Name("category"),
            Subcategory = f.Name("subcategory"),
            Priority = f.Name("priority"),
            Channel = channel,
            Team = f.Name("operatorGroup"),
            Assignee = Person(f, "operator"),
            OpenedAt = opened.Value,
            FirstResponseAt = responded == false ? null : response,
            ResolvedAt = resolved,
            ClosedAt = closed,
            DueAt = due,
            SlaBreached = resolved is { } done && due is { } target ? done > target : null,
            Proactive = channel == Channel.Monitoring,
            TimeSpentMinutes = minutes is { } m && m >= 0 && m < int.MaxValue ? (int)Math.Round(m) : null,
            UpdatedAt = updated.Value,
        };

        if (ticket is null || f.Problems.Count > 0)
        {
            return (null, f.Problems);
        }

        return (new ApiTicket(ticket, LifecycleEvents(ticket)), []);
    }

    /// <summary>Partials (and archived partials) are pieces of another incident's work: tasks.</summary>
    private static bool IsPartial(string? status) => status is not null && status.StartsWith("partial", StringComparison.OrdinalIgnoreCase);

    /// <summary>The name of an operator reference, unless the reference is an operator group.</summary>
    internal static string? Person(TopdeskFields f, string path)
    {
        var kind = f.Text(path + ".status");
        return kind is not null && kind.StartsWith("operatorGroup", StringComparison.OrdinalIgnoreCase) ? null : f.Name(path);
    }

    private static void NotBeforeOpened(TopdeskFields f, string field, DateTimeOffset? value, string what, DateTimeOffset? opened)
    {
        if (opened is { } o && value is { } v && v < o)
        {
            f.Problem(field, v.ToString("u", System.Globalization.CultureInfo.InvariantCulture), $"{what} ({v:u}) before opened ({o:u})");
        }
    }

    /// <summary>
    /// The status changes the record dates: opened, completed, closed (completion and closure at the same instant
    /// are one step). The same record always gives the same events, so reading it again changes nothing; who made
    /// the change is not in the record (its modifier is only the last one to touch it).
    /// </summary>
    internal static List<TicketEvent> LifecycleEvents(Ticket ticket)
    {
        var events = new List<TicketEvent> { Event(ticket, ticket.OpenedAt, null, Open) };
        var last = Open;
        if (ticket.ResolvedAt is { } resolved && ticket.ResolvedAt != ticket.ClosedAt)
        {
            events.Add(Event(ticket, resolved, last, Completed));
            last = Completed;
        }

        if (ticket.ClosedAt is { } closedAt)
        {
            events.Add(Event(ticket, closedAt, last, Closed));
        }

        EventSequence.Number(events);
        return events;
    }

    private static TicketEvent Event(Ticket t, DateTimeOffset at, string? from, string to) => new()
    {
        Source = t.Source,
        TicketId = t.TicketId,
        OccurredAt = at,
        Kind = TicketEventKind.Status,
        FromValue = from,
        ToValue = to,
    };
}
