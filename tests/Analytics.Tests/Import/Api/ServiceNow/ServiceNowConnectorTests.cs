using System.Text;
using Analytics.Import.Api;
using Analytics.Import.Sources;
using Analytics.Tickets;
using static Analytics.Tests.Import.Api.ServiceNow.ServiceNowScenario;

namespace Analytics.Tests.Import.Api.ServiceNow;

public sealed class ServiceNowConnectorTests
{
    private static readonly string[] AllNumbers = ["INC0010001", "INC0010002", "INC0010003", "INC0010004", "RITM0010001", "CHG0030001", "PRB0040001"];

    [Fact]
    public async Task FirstRead_PagesThroughAllTables_InUpdateOrder_WithAHandfulOfRequestsPerPage()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);

        var pages = await ReadAsync(Source(sn, pageSize: 3), T0.AddDays(-1));

        Assert.Equal(3, pages.Count);
        var tickets = pages.SelectMany(p => p.Tickets).ToList();
        Assert.Equal(AllNumbers.Order(), tickets.Select(t => t.Ticket.TicketId).Order());
        Assert.All(pages, p => Assert.Empty(p.Problems));
        var updated = tickets.Select(t => t.Ticket.UpdatedAt).ToList();
        Assert.Equal(updated.Order(), updated);
        // Each page is complete up to its last record's update time.
        Assert.Equal(pages.Select(p => p.Tickets[^1].Ticket.UpdatedAt), pages.Select(p => p.CompleteUpTo!.Value));
        // Per page: one on task, one per table on the page, one on sys_audit, at most one on sys_user_group and sys_user.
        Assert.Equal(3, sn.RequestsPerTable["task"]);
        Assert.Equal(3, sn.RequestsPerTable["sys_audit"]);
        Assert.True(sn.Api.Requests.Count <= 3 * (1 + 3 + 1 + 2), $"{sn.Api.Requests.Count} requests");
        Assert.Equal(1, sn.RequestsPerTable["sys_user_group"]); // only Legacy Desk was never shown by a record
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("sync.reader:s3cret-pass"));
        Assert.All(sn.Api.Requests, r => Assert.Equal(basic, r.Authorization));
    }

    [Fact]
    public async Task Tickets_AreMapped_AsTheCsvProfileMapsAnExport()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);

        var tickets = (await ReadAsync(Source(sn, pageSize: 100), T0.AddDays(-1))).SelectMany(p => p.Tickets).ToDictionary(t => t.Ticket.TicketId, t => t.Ticket);

        var inc = tickets["INC0010001"];
        Assert.Equal(("snow", TicketKind.Incident, "VPN down"), (inc.Source, inc.Kind, inc.Title));
        Assert.Equal(("Network", "VPN", "1 - Critical", Channel.Phone), (inc.Category, inc.Subcategory, inc.Priority, inc.Channel));
        Assert.Equal(("Network", "Bob Builder", "Bob Builder"), (inc.Team, inc.Assignee, inc.ResolvedBy));
        Assert.Equal((T0, T0.AddHours(2), (DateTimeOffset?)null), (inc.OpenedAt, inc.ResolvedAt.GetValueOrDefault(), inc.ClosedAt));
        Assert.Equal((false, 1, 0), (inc.SlaBreached!.Value, inc.ReassignmentCount, inc.ReopenCount));
        Assert.Equal(T0, inc.FirstResponseAt); // assigned on opening
        Assert.Equal(T0.AddHours(2), inc.UpdatedAt);

        var canceled = tickets["INC0010002"];
        Assert.Equal((T0.AddHours(3), T0.AddHours(3)), (canceled.ClosedAt!.Value, canceled.ResolvedAt!.Value));
        Assert.Equal(Channel.Email, canceled.Channel);

        var ritm = tickets["RITM0010001"];
        Assert.Equal((TicketKind.Request, Channel.Portal), (ritm.Kind, ritm.Channel));
        Assert.Equal((T0.AddHours(4), T0.AddHours(4)), (ritm.ClosedAt!.Value, ritm.ResolvedAt!.Value));

        Assert.Equal((TicketKind.Change, "Change Board", "Cas Changer", "3 - Moderate"), (tickets["CHG0030001"].Kind, tickets["CHG0030001"].Team, tickets["CHG0030001"].Assignee, tickets["CHG0030001"].Priority));
        Assert.Equal((TicketKind.Problem, "Network"), (tickets["PRB0040001"].Kind, tickets["PRB0040001"].Category));
        Assert.Equal((Channel.Monitoring, true), (tickets["INC0010003"].Channel, tickets["INC0010003"].Proactive));
        Assert.Equal((T0.AddHours(8), true), (tickets["INC0010004"].DueAt!.Value, tickets["INC0010004"].SlaBreached!.Value));
    }

    [Fact]
    public async Task History_FromSysAudit_BecomesEvents_WithNamesAndLabels()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);

        var tickets = (await ReadAsync(Source(sn, pageSize: 2), T0.AddDays(-1))).SelectMany(p => p.Tickets).ToList();

        foreach (var ticket in tickets)
        {
            var expected = sn.History.Where(e => e.TicketId == ticket.Ticket.TicketId).Select(e => e with { Source = "snow" }).OrderBy(e => e.OccurredAt).ThenBy(e => e.Kind).ThenBy(e => e.Sequence).ToList();
            var actual = ticket.Events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Kind).ThenBy(e => e.Sequence).ToList();
            Assert.Equal(expected, actual);
        }

        var inc = tickets.Single(t => t.Ticket.TicketId == "INC0010001").Events;
        Assert.Contains(inc, e => e is { Kind: TicketEventKind.TeamAssignment, FromValue: "Legacy Desk", ToValue: "Network", Actor: "ann.agent" });
        Assert.Contains(inc, e => e is { Kind: TicketEventKind.Status, FromValue: "In Progress", ToValue: "Resolved" });
        Assert.Contains(tickets.Single(t => t.Ticket.TicketId == "CHG0030001").Events, e => e is { Kind: TicketEventKind.Status, FromValue: "New", ToValue: "Implement" });
    }

    [Fact]
    public async Task ARecordChangedWhilePaging_DoesNotPushAnotherOutOfReach()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);
        // After the first page (INC0010003, INC0010004, INC0010001 by update time), the first of them changes:
        // it moves to the end. Counting an offset from the start would now skip the record that moved up.
        sn.BeforeTaskPage = served =>
        {
            if (served == 1)
            {
                sn.Update("INC0010003", T0.AddHours(6), "bob.builder", new() { ["state"] = "2|In Progress" });
            }
        };

        var pages = await ReadAsync(Source(sn, pageSize: 3), T0.AddDays(-1));

        var numbers = pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId).ToList();
        Assert.Equal(AllNumbers.Order(), numbers.Distinct().Order());
        var last = pages.SelectMany(p => p.Tickets).Last(t => t.Ticket.TicketId == "INC0010003");
        Assert.Equal(T0.AddHours(6), last.Ticket.UpdatedAt);
        Assert.Contains(last.Events, e => e is { Kind: TicketEventKind.Status, ToValue: "In Progress" });
    }

    [Fact]
    public async Task ManyRecordsInOneSecond_MoreThanAPage_AreAllRead()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        for (var i = 0; i < 7; i++)
        {
            sn.Open("incident", $"INC00200{i:00}", T0, "bulk", new() { ["state"] = "1|New" });
        }

        var pages = await ReadAsync(Source(sn, pageSize: 3), T0);

        Assert.Equal(7, pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId).Distinct().Count());
        Assert.Equal(7, pages.Sum(p => p.Tickets.Count));
    }

    [Fact]
    public async Task A429WithRetryAfter_AndA503_AreWaitedOut_AndNothingIsLost()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);
        sn.Api.Inject(429, "/api/now/table/sys_audit", retryAfter: "1", body: """{"error":{"message":"Too many requests"},"status":"failure"}""");
        sn.Api.Inject(503, "/api/now/table/task");

        var pages = await ReadAsync(Source(sn, pageSize: 3), T0.AddDays(-1));

        Assert.Equal(AllNumbers.Order(), pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId).Order());
        Assert.Equal(4, sn.RequestsPerTable["task"] + 1); // the 503 was answered by the fault, not the fake
    }

    [Fact]
    public async Task A401_FailsAtOnce_InOneLine_WithoutTheSecret()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);
        sn.Api.Inject(401, body: """{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}""");

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(Source(sn), T0.AddDays(-1)));

        Assert.Contains("refused the credentials (401)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("User Not Authenticated", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-pass", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("sync.reader:s3cret-pass")), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Single(sn.Api.Requests);
    }

    [Fact]
    public async Task AMalformedRecord_IsAProblem_WithKeyFieldAndValue_AndTheRestOfThePageIsKept()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);
        sn.Damage("INC0010004", "opened_at", "yesterday");
        sn.Damage("CHG0030001", "reassignment_count", "many");

        var pages = await ReadAsync(Source(sn, pageSize: 3), T0.AddDays(-1));

        var problems = pages.SelectMany(p => p.Problems).OrderBy(p => p.RecordKey).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(("CHG0030001", "reassignment_count", "many"), (problems[0].RecordKey, problems[0].Field, problems[0].RawValue));
        Assert.Equal(("INC0010004", "opened_at", "yesterday"), (problems[1].RecordKey, problems[1].Field, problems[1].RawValue));
        Assert.Contains("date-time", problems[1].Reason, StringComparison.Ordinal);
        Assert.Equal(T0.AddMinutes(55), problems[1].UpdatedAt);
        Assert.Equal(AllNumbers.Except(["INC0010004", "CHG0030001"]).Order(), pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId).Order());
    }

    [Fact]
    public async Task AnEmptyWindow_IsOneRequest_AndNoPage()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);

        var pages = await ReadAsync(Source(sn), T0.AddHours(5).AddSeconds(1));

        Assert.Empty(pages);
        Assert.Single(sn.Api.Requests);
    }

    [Fact]
    public async Task TheWatermark_GoesInAsUtcText_WhateverTheApiUsersTimeZone()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);
        sn.UserZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

        // One second before the change's last update: exactly one record, whatever zone the user reads in.
        var pages = await ReadAsync(Source(sn), T0.AddHours(5).AddSeconds(-1).AddMilliseconds(700), sn.UserZone);

        Assert.Equal("CHG0030001", Assert.Single(Assert.Single(pages).Tickets).Ticket.TicketId);
        var query = Uri.UnescapeDataString(sn.Api.Requests.First().Query);
        Assert.Contains("sys_updated_on>=2026-11-02 12:59:59^", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFilter_IsAndedToEveryQuery_AndTablesAreOverridable()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        var ids = Seed(sn);
        var source = Source(sn);
        source.Api.Filter = "assignment_group=" + ids.Network;
        source.Api.Tables = ["incident", "problem"];

        var numbers = (await ReadAsync(source, T0.AddDays(-1))).SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId).Order().ToList();

        Assert.Equal(["INC0010001", "INC0010003", "PRB0040001"], numbers);
    }

    [Theory]
    [InlineData("active=true^NQpriority=1")]
    [InlineData("active=true^ORDERBYDESCnumber")]
    public async Task AFilterThatWouldBendTheQuery_IsRefused_InOneLine(string filter)
    {
        await using var sn = await FakeServiceNow.StartAsync();
        var source = Source(sn);
        source.Api.Filter = filter;

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(source, T0));

        Assert.Contains("Api:Filter", ex.Message, StringComparison.Ordinal);
        Assert.Empty(sn.Api.Requests);
    }

    [Fact]
    public async Task WithoutAUser_TheSecretIsSentAsABearerToken()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);

        await ReadAsync(Source(sn, user: string.Empty, secret: "oauth-token-1"), T0.AddHours(5));

        Assert.All(sn.Api.Requests, r => Assert.Equal("Bearer oauth-token-1", r.Authorization));
    }

    [Fact]
    public async Task TheRoster_ListsActiveGroupsWithManagers_AndEachMemberOnce()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);

        var tables = await RosterAsync(Source(sn, pageSize: 2));

        var teams = tables.Single(t => t.Columns.Contains("Manager e-mails"));
        Assert.Equal(["Team", "Manager e-mails"], teams.Columns);
        Assert.Equal(
            [["Change Board", ""], ["Network", "cas@example.org"], ["Service Desk", "mia@example.org"]],
            teams.Rows.Select(r => r.ToArray()));
        var agents = tables.Single(t => t.Columns.Contains("Agent"));
        Assert.Equal(["Agent", "Team", "Manager e-mail"], agents.Columns);
        Assert.Equal(
            [["Ann Agent", "Service Desk", "mia@example.org"], ["Bob Builder", "Network", "mia@example.org"], ["Cas Changer", "Change Board", ""]],
            agents.Rows.Select(r => r.ToArray()));
    }
}
