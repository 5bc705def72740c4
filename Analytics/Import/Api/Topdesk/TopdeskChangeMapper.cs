using System.Text.Json;
using Analytics.Tickets;

namespace Analytics.Import.Api.Topdesk;

/// <summary>
/// One change of TOPdesk's change API (GET /tas/api/operatorChanges) as a canonical ticket of kind change:
/// number is the ticket id, briefDescription the title, category/subcategory/priority as on incidents,
/// creationDate the opening, modificationDate the watermark. Simple changes carry their completion and closure
/// and their assignee (an operator or an operator group) in "simple"; extensive changes in the record itself.
/// A canceled change is closed without being completed.
/// </summary>
internal static class TopdeskChangeMapper
{
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
            f.Problem("number", null, "the change has no number");
        }

        var opened = f.Instant("creationDate");
        if (opened is null && f.Find("creationDate") is null)
        {
            f.Problem("creationDate", null, "required value is missing");
        }

        var updated = f.Instant("modificationDate");
        if (updated is null && f.Find("modificationDate") is null)
        {
            f.Problem("modificationDate", null, "required value is missing: it is what the sync's watermark follows");
        }

        var closed = f.Instant("simple.closedDate") ?? f.Instant("closedDate");
        var completed = f.Instant("simple.completedDate") ?? f.Instant("completedDate");
        var canceled = f.Bool("canceled") == true;
        var resolved = canceled ? null : completed ?? closed;
        var assignee = f.Find("simple.assignee") is not null ? "simple.assignee" : "assignee";
        var group = f.Text(assignee + ".status") is { } kind && kind.StartsWith("operatorGroup", StringComparison.OrdinalIgnoreCase)
            ? f.Name(assignee)
            : f.Name(assignee + ".groupName") ?? f.Name("operatorGroup");

        if (number is null || opened is null || updated is null || f.Problems.Count > 0)
        {
            return (null, f.Problems);
        }

        var ticket = new Ticket
        {
            Source = source,
            TicketId = number,
            Kind = TicketKind.Change,
            Title = f.Text("briefDescription"),
            Category = f.Name("category"),
            Subcategory = f.Name("subcategory"),
            Priority = f.Name("priority"),
            Team = group,
            Assignee = TopdeskIncidentMapper.Person(f, assignee),
            OpenedAt = opened.Value,
            ResolvedAt = resolved,
            ClosedAt = closed,
            UpdatedAt = updated.Value,
        };

        return f.Problems.Count > 0 ? (null, f.Problems) : (new ApiTicket(ticket, TopdeskIncidentMapper.LifecycleEvents(ticket)), []);
    }
}
