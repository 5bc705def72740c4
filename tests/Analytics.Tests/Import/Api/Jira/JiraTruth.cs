using Analytics.Tickets;

namespace Analytics.Tests.Import.Api.Jira;

/// <summary>
/// What the store should hold after syncing the fake, worked out from the fake's own state (not through the
/// connector): one line per ticket with the fields the sync carries, one per event, one per roster agent.
/// </summary>
internal static class JiraTruth
{
    public static IReadOnlyList<string> Tickets(JiraFake fake) =>
        [.. fake.Issues.Where(i => !fake.RawIssues.ContainsKey(i.Key)).OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => Line(
            i.Key,
            i.IssueType == "[System] Incident" ? TicketKind.Incident : TicketKind.Request,
            i.Summary, i.RequestType, i.Priority, i.Team, i.Assignee,
            Second(i.Created), i.ResolutionDate is { } r ? Second(r) : null, i.Status == "Closed" ? Second(i.ResolutionDate!.Value) : null, Second(i.Updated)))];

    public static IReadOnlyList<string> Stored(IEnumerable<Ticket> tickets) =>
        [.. tickets.OrderBy(t => t.TicketId, StringComparer.Ordinal).Select(t => Line(
            t.TicketId, t.Kind, t.Title, t.Category, t.Priority, t.Team, t.Assignee, t.OpenedAt, t.ResolvedAt, t.ClosedAt, t.UpdatedAt))];

    public static IReadOnlyList<string> Events(JiraFake fake) =>
        [.. fake.Issues.Where(i => !fake.RawIssues.ContainsKey(i.Key)).SelectMany(i => i.Histories.SelectMany(h => h.Items.Select(item => (i.Key, h.At, h.Author, item))))
            .Select(e => e.item.FieldId switch
            {
                "status" => Event(e.Key, TicketEventKind.Status, e.At, e.item, e.Author),
                "assignee" => Event(e.Key, TicketEventKind.Assignment, e.At, e.item, e.Author),
                JiraFake.TeamField => Event(e.Key, TicketEventKind.TeamAssignment, e.At, e.item, e.Author),
                _ => null,
            })
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Stored(IEnumerable<TicketEvent> events) =>
        [.. events.Select(e => $"{e.TicketId} {e.Kind} {e.OccurredAt:O} {e.FromValue}->{e.ToValue} by {e.Actor}").Order(StringComparer.Ordinal)];

    /// <summary>Every team group and its active people; someone in two team groups belongs to the first by name.</summary>
    public static IReadOnlyList<string> Agents(JiraFake fake) =>
        [.. fake.Groups.Where(g => !g.Name.StartsWith("jira-", StringComparison.Ordinal))
            .OrderBy(g => g.Name, StringComparer.Ordinal)
            .SelectMany(g => g.Members.Where(m => m.Active && m.AccountType == "atlassian").Select(m => (m.Name, g.Name)))
            .GroupBy(a => a.Item1)
            .Select(a => a.Key + " in " + a.First().Item2)
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> StoredAgents(IEnumerable<Agent> agents) =>
        [.. agents.Select(a => a.Name + " in " + a.Team).Order(StringComparer.Ordinal)];

    private static string Event(string key, TicketEventKind kind, DateTimeOffset at, FakeItem item, string author) =>
        $"{key} {kind} {Second(at):O} {item.FromText}->{item.ToText} by {author}";

    private static string Line(string id, TicketKind kind, string? title, string? category, string? priority, string? team, string? assignee, DateTimeOffset opened, DateTimeOffset? resolved, DateTimeOffset? closed, DateTimeOffset updated) =>
        $"{id} {kind} '{title}' cat={category} prio={priority} team={team} assignee={assignee} opened={opened:O} resolved={resolved:O} closed={closed:O} updated={updated:O}";

    /// <summary>Stored times are whole seconds; Jira's carry milliseconds.</summary>
    private static DateTimeOffset Second(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
