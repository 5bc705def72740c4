using System.Text;
using System.Text.Json.Nodes;
using Analytics.Import.Api;
using Analytics.Import.Api.Jira;
using Analytics.Import.Sources;
using Analytics.Tickets;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Import.Api.Jira;

public sealed class JiraConnectorTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 8, 0, 0, 123, TimeSpan.Zero);

    private static readonly JiraConnector Connector = new(NullLogger<JiraConnector>.Instance);

    [Fact]
    public async Task SeveralPages_AreReadOldestUpdateFirst_WithTheWindowInTheUsersZone_AndEventsFromTheChangelog()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        for (var n = 1; n <= 7; n++)
        {
            fake.AddIssue("HELP-" + n, T0.AddMinutes(n));
        }

        fake.Change("HELP-2", T0.AddHours(1), "Ann", status: "In Progress", assignee: "Ann");
        fake.Change("HELP-2", T0.AddHours(2), "Ann", team: "Network");

        var (request, client) = Request(fake, since: T0.AddSeconds(50), pageSize: 3, filter: "project = HELP");
        using (client)
        {
            var pages = await ReadAllAsync(request);

            Assert.Equal([3, 3, 1], pages.Select(p => p.Tickets.Count));
            var keys = pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId).ToList();
            Assert.Equal(["HELP-1", "HELP-3", "HELP-4", "HELP-5", "HELP-6", "HELP-7", "HELP-2"], keys);
            Assert.Equal(
                pages.Select(p => p.Tickets.Max(t => t.Ticket.UpdatedAt)),
                pages.Select(p => p.CompleteUpTo!.Value));

            // 08:00:50.123 UTC is 09:00:50 in Amsterdam: JQL to the minute, rounded down.
            Assert.Equal("updated >= \"2026/03/02 09:00\" AND (project = HELP) ORDER BY updated ASC", fake.Jqls[0]);
            var search = fake.Api.Requests.First(r => r.Path == "/rest/api/3/search/jql");
            Assert.Contains("expand=changelog", search.Query, StringComparison.Ordinal);
            Assert.Contains(JiraFake.RequestTypeField, search.Query, StringComparison.Ordinal);
            Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("agent@example.com:tok3n")), search.Authorization);

            var help2 = pages.SelectMany(p => p.Tickets).Single(t => t.Ticket.TicketId == "HELP-2");
            Assert.Equal("Network", help2.Ticket.Team);
            Assert.Equal("Ann", help2.Ticket.Assignee);
            Assert.Equal(1, help2.Ticket.ReassignmentCount);
            Assert.Collection(
                help2.Events,
                e => Assert.Equal((TicketEventKind.Status, "Waiting for support", "In Progress", "Ann"), (e.Kind, e.FromValue, e.ToValue, e.Actor)),
                e => Assert.Equal((TicketEventKind.Assignment, (string?)null, "Ann"), (e.Kind, e.FromValue, e.ToValue)),
                e => Assert.Equal((TicketEventKind.TeamAssignment, "Service Desk", "Network", T0.AddHours(2).AddMilliseconds(-123)), (e.Kind, e.FromValue, e.ToValue, e.OccurredAt)));
        }
    }

    [Fact]
    public async Task AnIssueChangedWhilePaging_ComesAgainLater_AndNoneIsSkipped()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        for (var n = 1; n <= 6; n++)
        {
            fake.AddIssue("HELP-" + n, T0.AddMinutes(n));
        }

        fake.BeforeSearchPage = page =>
        {
            if (page == 1)
            {
                fake.Change("HELP-1", T0.AddHours(3), "Bob", status: "Resolved", category: "done", resolve: true);
            }
        };
        var (request, client) = Request(fake, since: T0, pageSize: 2);
        using (client)
        {
            var keys = (await ReadAllAsync(request)).SelectMany(p => p.Tickets).Select(t => t.Ticket).ToList();

            Assert.Equal(["HELP-1", "HELP-2", "HELP-3", "HELP-4", "HELP-5", "HELP-6", "HELP-1"], keys.Select(t => t.TicketId));
            Assert.Equal("Bob", keys[^1].ResolvedBy);
            Assert.NotNull(keys[^1].ResolvedAt);
        }
    }

    [Fact]
    public async Task A429WithRetryAfter_AndA503_AreWaitedOut_AndEveryPageIsRead()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        for (var n = 1; n <= 4; n++)
        {
            fake.AddIssue("HELP-" + n, T0.AddMinutes(n));
        }

        var (request, client) = Request(fake, since: T0, pageSize: 2);
        using (client)
        {
            fake.Api.Inject(429, "/rest/api/3/search/jql", retryAfter: "1");
            fake.Api.Inject(503, "/rest/api/3/search/jql");
            var clock = System.Diagnostics.Stopwatch.StartNew();

            var read = await ReadAllAsync(request);

            Assert.Equal(4, read.Sum(p => p.Tickets.Count));
            Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), "the Retry-After (1 s) and the backoff after the 503 (1 s) were waited");
            Assert.Equal(4, fake.Api.Requests.Count(r => r.Path == "/rest/api/3/search/jql"));
        }
    }

    [Fact]
    public async Task A401_FailsWithOneLine_AndNoSecret()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        fake.AddIssue("HELP-1", T0);
        fake.Api.Inject(401, body: "Client must be authenticated to access this resource.");
        var (request, client) = Request(fake, since: T0, pageSize: 2);
        using (client)
        {
            var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAllAsync(request));

            Assert.Contains("refused the credentials (401)", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("tok3n", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("agent@example.com:tok3n")), ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', ex.Message);
        }
    }

    [Fact]
    public async Task MalformedIssues_AreProblems_NamingKeyAndField_AndTheRestOfThePageIsKept()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        for (var n = 1; n <= 4; n++)
        {
            fake.AddIssue("HELP-" + n, T0.AddMinutes(n));
        }

        fake.RawIssues["HELP-2"] = $$$"""{"id":"10002","key":"HELP-2","fields":{"summary":"x","created":"yesterday","updated":"{{{fake.JiraInstant(T0.AddMinutes(2))}}}"}}""";
        fake.RawIssues["HELP-3"] = $$$"""{"id":"10003","fields":{"summary":"no key","created":"{{{fake.JiraInstant(T0)}}}","updated":"{{{fake.JiraInstant(T0.AddMinutes(3))}}}"}}""";
        fake.Change("HELP-4", T0.AddMinutes(4), "Ann", status: "In Progress");
        fake.Issue("HELP-4").Updated = T0.AddMinutes(4);
        var (request, client) = Request(fake, since: T0, pageSize: 10);
        using (client)
        {
            var page = Assert.Single(await ReadAllAsync(request));

            Assert.Equal(["HELP-1", "HELP-4"], page.Tickets.Select(t => t.Ticket.TicketId));
            Assert.Collection(
                page.Problems,
                p => Assert.Equal(("HELP-2", "fields.created", "yesterday"), (p.RecordKey, p.Field, p.RawValue)),
                p => Assert.Equal(("id 10003", "key"), (p.RecordKey, p.Field)));
            Assert.Equal(T0.AddMinutes(4).AddMilliseconds(-123), page.CompleteUpTo);
        }
    }

    [Fact]
    public async Task AnEmptyWindow_GivesNoPage_AfterOneSearch()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        fake.AddIssue("HELP-1", T0);
        var (request, client) = Request(fake, since: T0.AddHours(1), pageSize: 10);
        using (client)
        {
            Assert.Empty(await ReadAllAsync(request));
            Assert.Single(fake.Api.Requests, r => r.Path == "/rest/api/3/search/jql");
        }
    }

    [Fact]
    public async Task ATokenThatNeverMovesOn_StopsTheRunWithOneLine_InsteadOfLoopingForever()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        fake.AddIssue("HELP-1", T0);
        fake.StuckToken = "c2FtZQ==";
        var (request, client) = Request(fake, since: T0, pageSize: 10);
        using (client)
        {
            var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAllAsync(request));

            Assert.Contains("same nextPageToken twice", ex.Message, StringComparison.Ordinal);
            Assert.Equal(2, fake.Api.Requests.Count(r => r.Path == "/rest/api/3/search/jql"));
        }
    }

    [Fact]
    public async Task AChangelogTheSearchCutShort_IsReadInFullFromTheChangelogEndpoint()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        fake.AddIssue("HELP-1", T0);
        for (var n = 0; n < 130; n++)
        {
            fake.Change("HELP-1", T0.AddMinutes(n + 1), "Ann", status: n % 2 == 0 ? "In Progress" : "Waiting for customer");
        }

        var (request, client) = Request(fake, since: T0, pageSize: 10);
        using (client)
        {
            var ticket = Assert.Single(Assert.Single(await ReadAllAsync(request)).Tickets);

            Assert.Equal(130, ticket.Events.Count);
            Assert.Equal("Waiting for support", ticket.Events[0].FromValue);
            Assert.True(ticket.Events.Zip(ticket.Events.Skip(1)).All(p => p.First.OccurredAt < p.Second.OccurredAt), "oldest first");
            Assert.Equal(2, fake.Api.Requests.Count(r => r.Path == "/rest/api/3/issue/HELP-1/changelog"));
        }
    }

    [Fact]
    public async Task TheMapping_FollowsTheJiraProfile_KindRequestTypePrioritySlaDueAndClosure()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        var incident = fake.AddIssue("HELP-1", T0, type: "[System] Incident", requestType: "Report a system problem", priority: "Highest");
        incident.DueDate = new DateOnly(2026, 3, 5);
        incident.TimeSpentSeconds = 5400;
        incident.Sla = JsonNode.Parse("""{"id":"2","name":"Time to resolution","completedCycles":[{"startTime":{"epochMillis":1772438400000},"stopTime":{"epochMillis":1772460000000},"breachTime":{"epochMillis":1772452800000},"breached":true}]}""")!.AsObject();
        fake.Change("HELP-1", T0.AddHours(4), "Ann", status: "Resolved", category: "done", resolve: true);
        fake.Change("HELP-1", T0.AddHours(5), "Ann", status: "Closed", category: "done");
        var custom = fake.AddIssue("HELP-2", T0, type: "Laptop order", requestType: null);
        custom.Sla = JsonNode.Parse("""{"id":"2","name":"Time to resolution","completedCycles":[],"ongoingCycle":{"startTime":{"epochMillis":1772438400000},"breachTime":{"iso8601":"2026-03-03T10:00:00+0100","epochMillis":1772528400000},"breached":false,"paused":false}}""")!.AsObject();

        var (request, client) = Request(fake, since: T0, pageSize: 10);
        using (client)
        {
            var tickets = (await ReadAllAsync(request)).SelectMany(p => p.Tickets).ToDictionary(t => t.Ticket.TicketId, t => t.Ticket);

            var i = tickets["HELP-1"];
            Assert.Equal((TicketKind.Incident, "Report a system problem", "Highest", "Service Desk"), (i.Kind, i.Category, i.Priority, i.Team));
            Assert.Equal(new DateTimeOffset(2026, 3, 4, 23, 0, 0, TimeSpan.Zero), i.DueAt);
            Assert.True(i.SlaBreached);
            Assert.Equal(90, i.TimeSpentMinutes);
            Assert.Equal(T0.AddHours(4).AddMilliseconds(-123), i.ResolvedAt);
            Assert.Equal(i.ResolvedAt, i.ClosedAt);
            Assert.Equal("Ann", i.ResolvedBy);
            Assert.Equal(T0.AddHours(4).AddMilliseconds(-123), i.FirstResponseAt);

            var r = tickets["HELP-2"];
            Assert.Equal((TicketKind.Request, (string?)null, (bool?)null), (r.Kind, r.Category, r.SlaBreached));
            Assert.Equal(new DateTimeOffset(2026, 3, 3, 9, 0, 0, TimeSpan.Zero), r.DueAt);
            Assert.Null(r.ResolvedAt);
        }
    }

    [Fact]
    public async Task WithoutATeamField_TheComponentIsTheTeam_AndComponentSwapsAreTeamChanges()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        fake.HasTeamField = false;
        fake.AddIssue("HELP-1", T0, team: "Service Desk");
        fake.Change("HELP-1", T0.AddHours(1), "Ann", team: "Network");
        var (request, client) = Request(fake, since: T0, pageSize: 10);
        using (client)
        {
            var ticket = Assert.Single(Assert.Single(await ReadAllAsync(request)).Tickets);

            Assert.Equal("Network", ticket.Ticket.Team);
            var e = Assert.Single(ticket.Events);
            Assert.Equal((TicketEventKind.TeamAssignment, "Service Desk", "Network"), (e.Kind, e.FromValue, e.ToValue));
            Assert.Equal(1, ticket.Ticket.ReassignmentCount);
        }
    }

    [Fact]
    public async Task TheRoster_IsTheTeamGroupsAndTheirActivePeople_WithoutAtlassiansAccessGroupsOrApps()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        fake.Groups.Add(new FakeGroup("jira-servicemanagement-users-acme", "g0", [new("Ann"), new("Bob"), new("Cy")]));
        fake.Groups.Add(new FakeGroup("Service Desk", "g1", [new("Ann"), new("Bob"), new("Automation for Jira", "app"), new("Old Timer", Active: false)]));
        fake.Groups.Add(new FakeGroup("Network", "g2", [new("Cy"), new("Bob")]));
        var (request, client) = Request(fake, since: T0, pageSize: 10);
        using (client)
        {
            var roster = await Connector.ReadRosterAsync(request, default);

            Assert.Equal(2, roster.Count);
            Assert.Equal(["Team"], roster[0].Columns);
            Assert.Equal(["Service Desk", "Network"], roster[0].Rows.Select(r => r[0]));
            Assert.Equal(["Name", "Team"], roster[1].Columns);
            Assert.Equal(["Ann|Service Desk", "Bob|Network", "Cy|Network"], roster[1].Rows.Select(r => r[0] + "|" + r[1]));
        }
    }

    [Fact]
    public async Task ARosterTheUserMayNotRead_IsNoRoster_NotAFailure()
    {
        await using var fake = await JiraFake.StartAsync(Amsterdam);
        fake.Groups.Add(new FakeGroup("Service Desk", "g1", [new("Ann")]));
        fake.RosterForbidden = true;
        var (request, client) = Request(fake, since: T0, pageSize: 10);
        using (client)
        {
            Assert.Empty(await Connector.ReadRosterAsync(request, default));
        }
    }

    internal static (ApiReadRequest Request, ApiClient Client) Request(JiraFake fake, DateTimeOffset since, int pageSize, string? filter = null)
    {
        var source = new TicketSourceOptions
        {
            Name = "jira", Provider = SourceProvider.Jira, TimeZone = fake.UserZone.Id,
            Api = new ApiSourceOptions
            {
                BaseUrl = fake.Api.BaseUrl, User = "agent@example.com", Secret = "tok3n", PageSize = pageSize, Filter = filter,
                MaxRetries = 3, MaxRetryWait = TimeSpan.FromSeconds(2),
            },
        };
        var client = new ApiClient(source.Name, source.Api, Connector.Authorization(source.Api));
        return (new ApiReadRequest(source, since, since.AddDays(30), client, fake.UserZone), client);
    }

    private static async Task<List<ApiPage>> ReadAllAsync(ApiReadRequest request)
    {
        var pages = new List<ApiPage>();
        await foreach (var page in Connector.ReadChangedAsync(request, default))
        {
            pages.Add(page);
        }

        return pages;
    }
}
