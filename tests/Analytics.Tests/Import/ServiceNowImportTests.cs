using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Import;

public sealed class ServiceNowImportTests : IDisposable
{
    private const string Header =
        "number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_on,sys_updated_by,sys_updated_on,contact_type,location,category,subcategory,priority,assignment_group,assigned_to,knowledge,problem_id,rfc,caused_by,closed_code,resolved_by,resolved_at,closed_at,short_description,time_worked";

    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task IncidentExport_MapsEveryField()
    {
        var path = _store.WriteFile("incidents.csv", Header + "\n" +
            "INC0010001,7,false,1,0,12,true,Pieter Jansen,Pieter Jansen,5/1/2026 9:05,5/1/2026 9:05,Jan de Vries,6/1/2026 11:30,phone,Utrecht,Hardware,Laptop,2 - High,Workplace,Jan de Vries,false,PRB0001001,,CHG0004001,Solved (Permanently),Jan de Vries,5/1/2026 11:30,6/1/2026 11:30,Laptop won't boot after update,5400\n" +
            "INC0010002,2,true,0,0,3,?,Sara Visser,Sara Visser,14/7/2026 14:00,14/7/2026 14:00,Aisha Bakker,14/7/2026 14:10,self-service,Amsterdam,Network,VPN,\"3 - Moderate\",Network & Security,Aisha Bakker,false,NULL,,,N/A,,,,\"VPN drops, \"\"again\"\"\",-\n");

        var summary = await _store.ImportAsync(path, "servicenow");

        Assert.Equal(2, summary.RowsRead);
        Assert.Equal(2, summary.Inserted);
        Assert.Equal(0, summary.Quarantined);

        var closed = await _store.Tickets.GetAsync("servicenow", "INC0010001", CancellationToken.None);
        Assert.NotNull(closed);
        Assert.Equal(TicketKind.Incident, closed.Kind);
        Assert.Equal("Laptop won't boot after update", closed.Title);
        Assert.Equal("Hardware", closed.Category);
        Assert.Equal("Laptop", closed.Subcategory);
        Assert.Equal("2 - High", closed.Priority);
        Assert.Equal(Channel.Phone, closed.Channel);
        Assert.Equal("Workplace", closed.Team);
        Assert.Equal("Jan de Vries", closed.Assignee);
        Assert.Equal("Jan de Vries", closed.ResolvedBy);
        // Amsterdam is UTC+1 in January.
        Assert.Equal(Utc(2026, 1, 5, 8, 5), closed.OpenedAt);
        Assert.Equal(Utc(2026, 1, 5, 10, 30), closed.ResolvedAt);
        Assert.Equal(Utc(2026, 1, 6, 10, 30), closed.ClosedAt);
        Assert.Equal(Utc(2026, 1, 6, 10, 30), closed.UpdatedAt);
        Assert.False(closed.SlaBreached);
        Assert.Equal(0, closed.ReopenCount);
        Assert.Equal(1, closed.ReassignmentCount);
        Assert.Equal(90, closed.TimeSpentMinutes);
        Assert.Equal("PRB0001001", closed.ProblemId);
        Assert.Equal("CHG0004001", closed.CausedByChange);
        Assert.False(closed.Proactive);

        var open = await _store.Tickets.GetAsync("servicenow", "INC0010002", CancellationToken.None);
        Assert.NotNull(open);
        Assert.Equal("VPN drops, \"again\"", open.Title);
        Assert.Equal(Channel.Portal, open.Channel);
        // Amsterdam is UTC+2 in July.
        Assert.Equal(Utc(2026, 7, 14, 12, 0), open.OpenedAt);
        Assert.Null(open.ResolvedAt);
        Assert.Null(open.ClosedAt);
        Assert.Null(open.SlaBreached);
        Assert.Null(open.ProblemId);
        Assert.Null(open.TimeSpentMinutes);
    }

    [Fact]
    public async Task AClosedRow_WithoutAResolveTime_IsResolvedWhenItClosed()
    {
        // A request item or change has no resolve step; without this it would never count as resolved.
        var path = _store.WriteFile("items.csv", Header + "\n" +
            "RITM0010001,3,false,0,0,5,true,Pieter Jansen,Pieter Jansen,5/1/2026 9:05,5/1/2026 9:05,Jan de Vries,6/1/2026 11:30,self-service,Utrecht,Hardware,Laptop,4 - Low,Workplace,Jan de Vries,false,,,,,,,6/1/2026 11:30,New laptop,\n");

        var summary = await _store.ImportAsync(path, "servicenow");

        Assert.Equal(1, summary.Inserted);
        var item = await _store.Tickets.GetAsync("servicenow", "RITM0010001", CancellationToken.None);
        Assert.Equal(Utc(2026, 1, 6, 10, 30), item!.ClosedAt);
        Assert.Equal(Utc(2026, 1, 6, 10, 30), item.ResolvedAt);
    }

    [Fact]
    public async Task Reimport_SameFile_ChangesNothing()
    {
        var path = _store.WriteFile("incidents.csv", Header + "\n" +
            "INC0010001,7,false,1,0,12,true,Pieter Jansen,Pieter Jansen,5/1/2026 9:05,5/1/2026 9:05,Jan de Vries,6/1/2026 11:30,phone,Utrecht,Hardware,Laptop,2 - High,Workplace,Jan de Vries,false,,,,Solved,Jan de Vries,5/1/2026 11:30,6/1/2026 11:30,Laptop,\n" +
            "INC0010003,2,true,0,0,3,true,Sara Visser,Sara Visser,32/7/2026 14:00,14/7/2026 14:00,Aisha Bakker,14/7/2026 14:10,phone,Amsterdam,Network,VPN,3 - Moderate,Network & Security,Aisha Bakker,false,,,,,,,,VPN,\n");

        var first = await _store.ImportAsync(path, "servicenow");
        var before = await _store.Tickets.GetAsync("servicenow", "INC0010001", CancellationToken.None);
        var second = await _store.ImportAsync(path, "servicenow");
        var after = await _store.Tickets.GetAsync("servicenow", "INC0010001", CancellationToken.None);

        Assert.Equal((1L, 0L, 0L, 1L), (first.Inserted, first.Updated, first.Unchanged, first.Quarantined));
        Assert.Equal((0L, 0L, 1L, 1L), (second.Inserted, second.Updated, second.Unchanged, second.Quarantined));
        Assert.Equal(before, after);
        Assert.Single(await _store.Ledger.GetQuarantineAsync(null, CancellationToken.None));
        Assert.Equal(1, await _store.Tickets.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AuditTrail_FoldsToLastState_DerivesEventsAndCountsReassignments()
    {
        // One row per update of INC0020001, as exported from the incident's history; out of order on purpose.
        var path = _store.WriteFile("audit.csv", Header + "\n" +
            Row("INC0020001", state: "1", mod: "0", group: "Service Desk", assignee: "", updatedBy: "portal", updated: "2026-03-02 09:00:00") +
            Row("INC0020001", state: "2", mod: "2", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Eva Smit", updated: "2026-03-02 10:15:00") +
            Row("INC0020001", state: "2", mod: "1", group: "Service Desk", assignee: "Eva Smit", updatedBy: "Eva Smit", updated: "2026-03-02 09:20:00") +
            Row("INC0020001", state: "6", mod: "3", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Jan de Vries", updated: "2026-03-02 15:00:00") +
            Row("INC0020001", state: "2", mod: "4", group: "Network & Security", assignee: "Aisha Bakker", updatedBy: "Eva Smit", updated: "2026-03-03 08:30:00") +
            Row("INC0020001", state: "6", mod: "5", group: "Network & Security", assignee: "Aisha Bakker", updatedBy: "Aisha Bakker", updated: "2026-03-03 11:00:00") +
            Row("INC0020002", state: "1", mod: "0", group: "Workplace", assignee: "", updatedBy: "portal", updated: "2026-03-02 12:00:00"));

        var summary = await _store.ImportAsync(path, "servicenow", dateFormat: "iso", timeZone: "UTC");

        Assert.Equal(7, summary.RowsRead);
        Assert.Equal(2, summary.Inserted);
        Assert.Equal(0, summary.Quarantined);
        var ticket = await _store.Tickets.GetAsync("servicenow", "INC0020001", CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.Equal("Network & Security", ticket.Team);
        Assert.Equal("Aisha Bakker", ticket.Assignee);
        Assert.Equal(Utc(2026, 3, 3, 11, 0), ticket.UpdatedAt);
        Assert.Equal(2, ticket.ReassignmentCount);
        Assert.Equal(1, ticket.ReopenCount);
        Assert.Equal(Utc(2026, 3, 2, 9, 20), ticket.FirstResponseAt);
        Assert.Equal(Utc(2026, 3, 3, 11, 0), ticket.ResolvedAt);
        Assert.Equal("Aisha Bakker", ticket.ResolvedBy);

        var events = await _store.Tickets.GetEventsAsync("servicenow", "INC0020001", CancellationToken.None);
        var teams = events.Where(e => e.Kind == TicketEventKind.TeamAssignment).Select(e => (e.FromValue, e.ToValue, e.OccurredAt)).ToList();
        Assert.Equal(
            [(null, "Service Desk", Utc(2026, 3, 2, 9, 0)), ("Service Desk", "Workplace", Utc(2026, 3, 2, 10, 15)), ("Workplace", "Network & Security", Utc(2026, 3, 3, 8, 30))],
            teams);
        var statuses = events.Where(e => e.Kind == TicketEventKind.Status).Select(e => e.ToValue).ToList();
        Assert.Equal(["New", "In Progress", "Resolved", "In Progress", "Resolved"], statuses);
        var reopenedBy = events.Single(e => e.Kind == TicketEventKind.Status && e.FromValue == "Resolved");
        Assert.Equal("Eva Smit", reopenedBy.Actor);
        Assert.Contains(events, e => e.Kind == TicketEventKind.Assignment && e.FromValue == "Eva Smit" && e.ToValue == "Jan de Vries");

        // A second import of the same history adds no events and changes no ticket.
        var again = await _store.ImportAsync(path, "servicenow", dateFormat: "iso", timeZone: "UTC");
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(events.Count, (await _store.Tickets.GetEventsAsync("servicenow", "INC0020001", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task RepeatedUpdateCounterWithTheSameTime_FoldsToTheLastRowInFileOrder()
    {
        // Two updates that committed together carry the same sys_mod_count and time; the later row is the record's state.
        var path = _store.WriteFile("dupes.csv", Header + "\n" +
            Row("INC0030001", state: "2", mod: "3", group: "Workplace", assignee: "Jan de Vries", updatedBy: "x", updated: "2026-03-02 10:00:00") +
            Row("INC0030001", state: "2", mod: "3", group: "Applications", assignee: "Eva Smit", updatedBy: "x", updated: "2026-03-02 10:00:00"));

        var summary = await _store.ImportAsync(path, "servicenow", dateFormat: "iso", timeZone: "UTC");

        Assert.Equal((1L, 0L), (summary.Inserted, summary.Quarantined));
        var ticket = await _store.Tickets.GetAsync("servicenow", "INC0030001", CancellationToken.None);
        Assert.Equal(("Applications", "Eva Smit"), (ticket!.Team, ticket.Assignee));
    }

    [Fact]
    public async Task RepeatedUpdateCounter_EndsInTheLastStateByCounterThenTimeThenFileOrder()
    {
        // The counter repeats (1, 1, 2, 2): within a counter the later update time wins, whatever the file order.
        var path = _store.WriteFile("audit.csv", Header + "\n" +
            Row("INC0050001", state: "1", mod: "0", group: "Service Desk", assignee: "", updatedBy: "portal", updated: "2026-03-02 09:00:00") +
            Row("INC0050001", state: "2", mod: "1", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Eva Smit", updated: "2026-03-02 09:30:00") +
            Row("INC0050001", state: "2", mod: "1", group: "Service Desk", assignee: "Eva Smit", updatedBy: "Eva Smit", updated: "2026-03-02 09:10:00") +
            Row("INC0050001", state: "6", mod: "2", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Jan de Vries", updated: "2026-03-02 15:00:00") +
            Row("INC0050001", state: "3", mod: "2", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Jan de Vries", updated: "2026-03-02 14:00:00"));

        var summary = await _store.ImportAsync(path, "servicenow", dateFormat: "iso", timeZone: "UTC");

        Assert.Equal((5L, 1L, 0L), (summary.RowsRead, summary.Inserted, summary.Quarantined));
        var ticket = await _store.Tickets.GetAsync("servicenow", "INC0050001", CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.Equal(("Workplace", "Jan de Vries"), (ticket.Team, ticket.Assignee));
        Assert.Equal(Utc(2026, 3, 2, 15, 0), ticket.UpdatedAt);
        Assert.Equal(Utc(2026, 3, 2, 15, 0), ticket.ResolvedAt);
        var events = await _store.Tickets.GetEventsAsync("servicenow", "INC0050001", CancellationToken.None);
        Assert.Equal(
            ["New", "In Progress", "On Hold", "Resolved"],
            events.Where(e => e.Kind == TicketEventKind.Status).OrderBy(e => e.OccurredAt).Select(e => e.ToValue).ToList());
        Assert.Equal(
            [(null, "Service Desk"), ("Service Desk", "Workplace")],
            events.Where(e => e.Kind == TicketEventKind.TeamAssignment).OrderBy(e => e.OccurredAt).Select(e => (e.FromValue, e.ToValue)).ToList());
    }

    [Theory]
    [InlineData("8", "true")] // the state's code
    [InlineData("Canceled", "true")]
    [InlineData("Cancelled", "true")]
    [InlineData("2", "false")] // no longer active, whatever its state says
    public async Task CanceledOrInactiveWithoutCloseTime_IsClosedAndResolvedAtItsLastUpdate(string state, string active)
    {
        var path = _store.WriteFile("canceled.csv", Header + "\n" +
            Row("INC0060001", state: state, mod: "4", group: "Workplace", assignee: "Jan de Vries", updatedBy: "x", updated: "2026-03-04 16:20:00", active: active));

        await _store.ImportAsync(path, "servicenow", dateFormat: "iso", timeZone: "UTC");

        var ticket = await _store.Tickets.GetAsync("servicenow", "INC0060001", CancellationToken.None);
        Assert.NotNull(ticket);
        Assert.Equal(Utc(2026, 3, 4, 16, 20), ticket.ClosedAt);
        Assert.Equal(Utc(2026, 3, 4, 16, 20), ticket.ResolvedAt);
    }

    [Fact]
    public async Task CanceledAuditTrail_IsClosedAtItsLastUpdate_AndAnOpenOneStaysOpen()
    {
        var path = _store.WriteFile("audit.csv", Header + "\n" +
            Row("INC0070001", state: "1", mod: "0", group: "Service Desk", assignee: "", updatedBy: "portal", updated: "2026-03-02 09:00:00") +
            Row("INC0070001", state: "2", mod: "1", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Eva Smit", updated: "2026-03-02 09:30:00") +
            Row("INC0070001", state: "8", mod: "2", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Jan de Vries", updated: "2026-03-03 11:00:00", active: "false") +
            Row("INC0070002", state: "2", mod: "1", group: "Workplace", assignee: "Jan de Vries", updatedBy: "Eva Smit", updated: "2026-03-02 09:30:00"));

        await _store.ImportAsync(path, "servicenow", dateFormat: "iso", timeZone: "UTC");

        var canceled = await _store.Tickets.GetAsync("servicenow", "INC0070001", CancellationToken.None);
        var open = await _store.Tickets.GetAsync("servicenow", "INC0070002", CancellationToken.None);
        Assert.Equal((Utc(2026, 3, 3, 11, 0), Utc(2026, 3, 3, 11, 0)), (canceled!.ResolvedAt, canceled.ClosedAt));
        Assert.Equal(0, canceled.ReopenCount);
        Assert.Equal(((DateTimeOffset?)null, (DateTimeOffset?)null), (open!.ResolvedAt, open.ClosedAt));
    }

    [Fact]
    public async Task NumberPrefix_DecidesKind()
    {
        var path = _store.WriteFile("kinds.csv", Header + "\n" +
            Row("CHG0040001", state: "3", mod: "1", group: "Infrastructure", assignee: "Jan de Vries", updatedBy: "x", updated: "2026-03-02 10:00:00") +
            Row("PRB0040001", state: "3", mod: "1", group: "Infrastructure", assignee: "Jan de Vries", updatedBy: "x", updated: "2026-03-02 10:00:00") +
            Row("RITM0040001", state: "3", mod: "1", group: "Workplace", assignee: "Jan de Vries", updatedBy: "x", updated: "2026-03-02 10:00:00"));

        await _store.ImportAsync(path, "servicenow", dateFormat: "iso");

        Assert.Equal(TicketKind.Change, (await _store.Tickets.GetAsync("servicenow", "CHG0040001", CancellationToken.None))!.Kind);
        Assert.Equal(TicketKind.Problem, (await _store.Tickets.GetAsync("servicenow", "PRB0040001", CancellationToken.None))!.Kind);
        Assert.Equal(TicketKind.Request, (await _store.Tickets.GetAsync("servicenow", "RITM0040001", CancellationToken.None))!.Kind);
    }

    private static string Row(string number, string state, string mod, string group, string assignee, string updatedBy, string updated, string active = "true") =>
        $"{number},{state},{active},0,0,{mod},true,Caller,Caller,2026-03-02 09:00:00,2026-03-02 09:00:00,{updatedBy},{updated},phone,Utrecht,Hardware,Laptop,3 - Moderate,{group},{assignee},false,,,,,,,,Short description,\n";

    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    public void Dispose() => _store.Dispose();
}
