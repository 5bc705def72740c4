using Analytics.Import.Api;
using Analytics.Import.Api.Zendesk;
using Analytics.Import.Sources;
using Analytics.Tickets;

namespace Analytics.Tests.Import.Api.Zendesk;

public sealed class ZendeskConnectorTests
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = T0.AddDays(3);
    private const string Source = "zendesk";

    /// <summary>Two live groups and a deleted one; three agents on staff, a suspended one and a requester; five tickets with their history.</summary>
    public static async Task<ZendeskFake> SeededAsync()
    {
        var fake = await ZendeskFake.StartAsync(Now);
        fake.Group(10, "Service Desk");
        fake.Group(11, "Workplace");
        fake.Group(12, "Old Team", deleted: true);
        fake.User(100, "Anna de Vries");
        fake.User(101, "Bram Jansen");
        fake.User(102, "Carla Smit", role: "admin");
        fake.User(103, "Dirk Visser", suspended: true);
        fake.User(900, "Eva Klant", role: "end-user");
        fake.Member(1, 100, 10, isDefault: true);
        fake.Member(2, 101, 10, isDefault: false);
        fake.Member(3, 101, 11, isDefault: true);
        fake.Member(4, 102, 11, isDefault: true);
        fake.Member(5, 103, 10, isDefault: true);

        fake.Open(1001, T0, "Printer on fire", "incident", "high", "email", group: 10);
        fake.Change(1001, T0.AddMinutes(10), 100, ("status", "open"), ("assignee_id", 100L));
        fake.Change(1001, T0.AddHours(2), 100, ("status", "solved"));
        fake.Change(1001, T0.AddDays(1), -1, ("status", "closed"));

        fake.Open(1002, T0.AddMinutes(5), "New laptop for Fenna", "question", "normal", "web", group: 10);
        fake.Change(1002, T0.AddMinutes(20), 101, ("group_id", 11L), ("status", "open"));
        fake.Change(1002, T0.AddMinutes(20), 101, ("group_id", 10L), ("assignee_id", 101L));

        fake.Open(1003, T0.AddMinutes(30), "Renew certificate", "task", "normal", "voice", group: 11, assignee: 102, due: T0.AddDays(2));
        fake.Change(1003, T0.AddMinutes(40), 102, ("status", "pending"));

        fake.Open(1004, T0.AddHours(1), "VPN drops every hour", "problem", "urgent", "chat", group: 10);
        fake.Change(1004, T0.AddHours(1).AddMinutes(5), 100, ("status", "open"), ("assignee_id", 100L));
        fake.Change(1004, T0.AddHours(3), 100, ("status", "solved"));
        fake.Change(1004, T0.AddHours(5), 900, ("status", "open"));

        fake.Open(1005, T0.AddHours(2), "Sent through the API", null, "low", "api");
        return fake;
    }

    public static TicketSourceOptions Options(ZendeskFake fake, int pageSize = 2, string token = ZendeskFake.Token) => new()
    {
        Name = Source,
        Provider = SourceProvider.Zendesk,
        Api = new ApiSourceOptions
        {
            BaseUrl = fake.BaseUrl,
            User = ZendeskFake.Email,
            Secret = token,
            PageSize = pageSize,
            MaxRetries = 3,
            MaxRetryWait = TimeSpan.FromSeconds(3),
        },
    };

    private static async Task<List<ApiPage>> ReadAsync(ZendeskFake fake, DateTimeOffset since, int pageSize = 2, Action<int>? afterPage = null, string token = ZendeskFake.Token)
    {
        var connector = new ZendeskConnector();
        var source = Options(fake, pageSize, token);
        using var client = new ApiClient(Source, source.Api, connector.Authorization(source.Api));
        var request = new ApiReadRequest(source, since, Now.AddMinutes(5), client, TimeZoneInfo.Utc);
        var pages = new List<ApiPage>();
        await foreach (var page in connector.ReadChangedAsync(request, default))
        {
            pages.Add(page);
            afterPage?.Invoke(pages.Count);
        }

        return pages;
    }

    private static List<Ticket> LastStates(IEnumerable<ApiPage> pages) =>
        [.. pages.SelectMany(p => p.Tickets).Select(t => t.Ticket).GroupBy(t => t.TicketId).Select(g => g.Last()).OrderBy(t => t.TicketId, StringComparer.Ordinal)];

    private static List<TicketEvent> Events(IEnumerable<ApiPage> pages) =>
        [.. pages.SelectMany(p => p.Tickets).SelectMany(t => t.Events).Distinct().OrderBy(e => e.TicketId, StringComparer.Ordinal).ThenBy(e => e.OccurredAt).ThenBy(e => e.Kind).ThenBy(e => e.Sequence)];

    private static List<TicketEvent> Sorted(IEnumerable<TicketEvent> events) =>
        [.. events.OrderBy(e => e.TicketId, StringComparer.Ordinal).ThenBy(e => e.OccurredAt).ThenBy(e => e.Kind).ThenBy(e => e.Sequence)];

    [Fact]
    public async Task AFullRead_OverSeveralPages_DeliversEveryTicketAndItsNamedEvents_CompleteOnlyOnTheLastPage()
    {
        await using var fake = await SeededAsync();

        var pages = await ReadAsync(fake, ApiSyncStart);

        // The export's three pages as they come, then the five tickets again with their changes, two a page.
        Assert.Equal([2, 2, 1, 2, 2, 1], pages.Select(p => p.Tickets.Count));
        Assert.All(pages.Take(3).SelectMany(p => p.Tickets), t => Assert.Empty(t.Events));
        Assert.All(pages.SkipLast(1), p => Assert.Null(p.CompleteUpTo));
        Assert.Equal(T0.AddDays(1), pages[^1].CompleteUpTo);
        Assert.All(pages, p => Assert.Empty(p.Problems));
        Assert.Equal(fake.ExpectedTickets(Source).OrderBy(t => t.TicketId, StringComparer.Ordinal), LastStates(pages));
        Assert.Equal(Sorted(fake.ExpectedEvents(Source)), Events(pages));
        Assert.All(fake.Api.Requests, r => Assert.Equal(ZendeskFake.ExpectedAuthorization, r.Authorization));
        Assert.Contains(fake.Api.Requests, r => r.Path == ZendeskConnector.TicketsPath && r.Query.Contains("start_time=0&per_page=2&include=metric_sets", StringComparison.Ordinal));
        Assert.Contains(fake.Api.Requests, r => r.Path == ZendeskConnector.TicketsPath && r.Query.Contains("cursor=", StringComparison.Ordinal));
    }

    /// <summary>The beginning of a store's first sync (TicketSync.Beginning): before 1970, so start_time 0.</summary>
    private static readonly DateTimeOffset ApiSyncStart = TicketSync.Beginning;

    [Fact]
    public async Task TheFirstPage_ComesBeforeTheEventExportIsRead_SoACheckIsQuick()
    {
        await using var fake = await SeededAsync();
        var connector = new ZendeskConnector();
        var source = Options(fake);
        using var client = new ApiClient(Source, source.Api, connector.Authorization(source.Api));

        await foreach (var page in connector.ReadChangedAsync(new ApiReadRequest(source, ApiSyncStart, Now, client, TimeZoneInfo.Utc), default))
        {
            Assert.Equal(2, page.Tickets.Count);
            break;
        }

        Assert.DoesNotContain(fake.Api.Requests, r => r.Path == ZendeskChangeLog.Path);
    }

    [Fact]
    public async Task TheMapping_FollowsTheCsvProfile_ForKindChannelTeamAssigneeAndLifecycle()
    {
        await using var fake = await SeededAsync();

        var tickets = LastStates(await ReadAsync(fake, ApiSyncStart)).ToDictionary(t => t.TicketId);

        var closed = tickets["1001"];
        Assert.Equal("incident|Email|Service Desk|Anna de Vries|high", Describe(closed));
        Assert.Equal(T0, closed.OpenedAt);
        Assert.Equal(T0.AddHours(2), closed.ResolvedAt);
        Assert.Equal(T0.AddDays(1), closed.ClosedAt);
        Assert.Equal(T0.AddMinutes(10), closed.FirstResponseAt);
        Assert.Equal("request|Portal|Service Desk|Bram Jansen|normal", Describe(tickets["1002"]));
        Assert.Equal(2, tickets["1002"].ReassignmentCount);
        Assert.Equal("task|Phone|Workplace|Carla Smit|normal", Describe(tickets["1003"]));
        Assert.Equal(T0.AddDays(2), tickets["1003"].DueAt);
        Assert.Null(tickets["1003"].ResolvedAt);
        var reopened = tickets["1004"];
        Assert.Equal("problem|Chat|Service Desk|Anna de Vries|urgent", Describe(reopened));
        Assert.Equal(1, reopened.ReopenCount);
        Assert.Null(reopened.ResolvedAt);
        Assert.Null(reopened.ClosedAt);
        Assert.Equal("incident|Portal|||low", Describe(tickets["1005"]));
    }

    private static string Describe(Ticket t) => $"{CanonicalNames.Of(t.Kind)}|{t.Channel}|{t.Team}|{t.Assignee}|{t.Priority}";

    [Fact]
    public async Task TwoTeamChangesInOneSecond_AreTwoEvents_ToldApartBySequence()
    {
        await using var fake = await SeededAsync();

        var events = Events(await ReadAsync(fake, ApiSyncStart)).Where(e => e.TicketId == "1002" && e.Kind == TicketEventKind.TeamAssignment).ToList();

        Assert.Equal(
            ["08:05 0 - Service Desk by -", "08:20 0 Service Desk Workplace by Bram Jansen", "08:20 1 Workplace Service Desk by Bram Jansen"],
            events.Select(e => $"{e.OccurredAt:HH:mm} {e.Sequence} {e.FromValue ?? "-"} {e.ToValue} by {e.Actor ?? "-"}"));
    }

    [Fact]
    public async Task ATicketChangedWhilePaging_IsDeliveredAgainAtTheEnd_WithTheEventsOfThatChange()
    {
        await using var fake = await SeededAsync();
        var changedAt = Now.AddMinutes(-5);

        // Page 1 held 1002 and 1003 (the export's generated_timestamp order); 1002 is solved while page 2 is read.
        var pages = await ReadAsync(fake, ApiSyncStart, afterPage: n =>
        {
            if (n == 1)
            {
                fake.Change(1002, changedAt, 101, ("status", "solved"));
            }
        });

        var deliveries = pages.SelectMany(p => p.Tickets).Where(t => t.Ticket.TicketId == "1002").ToList();
        Assert.True(deliveries.Count >= 2);
        Assert.Equal(changedAt, deliveries[^1].Ticket.ResolvedAt);
        Assert.Contains(deliveries[^1].Events, e => e.OccurredAt == changedAt && e.ToValue == "solved");
        Assert.Equal(changedAt, pages[^1].CompleteUpTo);
        Assert.All(pages.SkipLast(1), p => Assert.Null(p.CompleteUpTo));
        Assert.Equal(Sorted(fake.ExpectedEvents(Source)), Events(pages));
        Assert.Equal(fake.ExpectedTickets(Source).OrderBy(t => t.TicketId, StringComparer.Ordinal), LastStates(pages));
    }

    [Fact]
    public async Task ATicketChangedAgainAfterTheExportReadIt_IsFetchedAsItIsNow_NotPairedWithItsOlderState()
    {
        await using var fake = await SeededAsync();
        var eventReads = 0;
        fake.BeforeServe = path =>
        {
            // The event export, read after the tickets: 1002 changed once more after the ticket export delivered it.
            if (path == ZendeskChangeLog.Path && ++eventReads == 1)
            {
                fake.Change(1002, Now.AddMinutes(-3), 101, ("assignee_id", 100L));
            }
        };

        var pages = await ReadAsync(fake, ApiSyncStart, afterPage: n =>
        {
            if (n == 1)
            {
                fake.Change(1002, Now.AddMinutes(-5), 101, ("status", "solved"));
            }
        });

        Assert.Contains(fake.Api.Requests, r => r.Path == ZendeskConnector.ShowManyPath && r.Query.Contains("ids=1002", StringComparison.Ordinal));
        Assert.Equal("Anna de Vries", LastStates(pages).Single(t => t.TicketId == "1002").Assignee);
        Assert.Equal(fake.ExpectedTickets(Source).OrderBy(t => t.TicketId, StringComparer.Ordinal), LastStates(pages));
        Assert.Equal(Sorted(fake.ExpectedEvents(Source)), Events(pages));
        Assert.Equal(Now.AddMinutes(-3), pages[^1].CompleteUpTo);
    }

    [Fact]
    public async Task ATicketChangedInTheExportsLastMinute_IsFetchedWithShowMany_WithItsEvents()
    {
        await using var fake = await SeededAsync();

        // 1004 would come on page 3; changed 30 s before "now", it drops out of the export (the last minute is left out).
        var pages = await ReadAsync(fake, ApiSyncStart, afterPage: n =>
        {
            if (n == 1)
            {
                fake.Change(1004, Now.AddSeconds(-30), 100, ("priority", "low"));
            }
        });

        Assert.Contains(fake.Api.Requests, r => r.Path == ZendeskConnector.ShowManyPath && r.Query.Contains("ids=1004", StringComparison.Ordinal));
        var delivered = Assert.Single(pages.SelectMany(p => p.Tickets), t => t.Ticket.TicketId == "1004");
        Assert.Equal("low", delivered.Ticket.Priority);
        Assert.Equal(6, delivered.Events.Count);
        Assert.Equal(T0.AddDays(1), pages[^1].CompleteUpTo);
        Assert.All(pages.SkipLast(1), p => Assert.Null(p.CompleteUpTo));
    }

    [Fact]
    public async Task A429WithRetryAfter_AndA503_AreWaitedOut_AndChangeNothing()
    {
        await using var fake = await SeededAsync();
        // Faults are served in order: the ticket export is read before the event export.
        fake.Api.Inject(429, "incremental/tickets", retryAfter: "1", body: """{"error":"APIRateLimitExceeded"}""");
        fake.Api.Inject(503, "incremental/ticket_events");

        var pages = await ReadAsync(fake, ApiSyncStart);

        Assert.Equal(fake.ExpectedTickets(Source).OrderBy(t => t.TicketId, StringComparer.Ordinal), LastStates(pages));
        Assert.Equal(Sorted(fake.ExpectedEvents(Source)), Events(pages));
        Assert.Equal(2, fake.Api.Requests.Count(r => r.Path == ZendeskChangeLog.Path));
        Assert.Equal(4, fake.Api.Requests.Count(r => r.Path == ZendeskConnector.TicketsPath));
    }

    [Fact]
    public async Task AWrongToken_FailsAtOnce_WithOneLine_AndNoSecret()
    {
        await using var fake = await SeededAsync();

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(fake, ApiSyncStart, token: "not-the-token"));

        Assert.Contains("refused the credentials (401)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-token", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ZendeskFake.Email, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Single(fake.Api.Requests);
    }

    [Fact]
    public async Task AnAgentWithoutAdminRights_IsToldInOneLine_WhichExportItMayNotRead()
    {
        await using var fake = await SeededAsync();
        fake.Api.Inject(403, "incremental/ticket_events", body: """{"error":"Forbidden","description":"You do not have access to this page. Please contact the account owner of this help desk for further help."}""");

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(fake, ApiSyncStart));

        Assert.Contains("lacks read access to /api/v2/incremental/ticket_events.json (403)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ZendeskFake.Token, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task AnAnswerOfAnotherShape_StopsTheRun_NamingThePathAndTheMissingList()
    {
        await using var fake = await SeededAsync();
        fake.Api.Inject(200, "incremental/tickets", body: """{"results":[]}""");

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(fake, ApiSyncStart));

        Assert.Equal("Source 'zendesk': /api/v2/incremental/tickets/cursor.json answered without a 'tickets' list; is Api:BaseUrl the Zendesk address (https://yourcompany.zendesk.com)?", ex.Message);
    }

    [Fact]
    public async Task AMalformedTicket_IsAProblemWithItsField_AndTheRestOfThePageIsKept()
    {
        await using var fake = await SeededAsync();
        fake.RawTickets[1003] = """{"id":1003,"created_at":"yesterday","updated_at":"2026-11-02T08:40:00Z","status":"pending","generated_timestamp":1793609400}""";

        var pages = await ReadAsync(fake, ApiSyncStart);

        var problem = Assert.Single(pages.SelectMany(p => p.Problems));
        Assert.Equal(("1003", "created_at", "yesterday"), (problem.RecordKey, problem.Field, problem.RawValue));
        Assert.Equal(["1001", "1002", "1004", "1005"], LastStates(pages).Select(t => t.TicketId));
    }

    [Fact]
    public async Task AnEmptyWindow_GivesOneEmptyPage_ThatMovesNothing()
    {
        await using var fake = await SeededAsync();

        var pages = await ReadAsync(fake, Now.AddMinutes(-30));

        var page = Assert.Single(pages);
        Assert.Empty(page.Tickets);
        Assert.Empty(page.Problems);
        Assert.Null(page.CompleteUpTo);
        Assert.Equal(["groups.json", "users.json", "cursor.json", "ticket_events.json"], fake.Api.Requests.Select(r => r.Path.Split('/')[^1]));
    }

    [Fact]
    public async Task EventPagesThatOverlapBySecond_GiveEachChangeOnce()
    {
        await using var fake = await SeededAsync();
        fake.EventPageSize = 3;

        var pages = await ReadAsync(fake, ApiSyncStart);

        Assert.True(fake.Api.Requests.Count(r => r.Path == ZendeskChangeLog.Path) > 5);
        Assert.Equal(Sorted(fake.ExpectedEvents(Source)), Events(pages));
    }

    [Fact]
    public async Task MoreUpdatesInOneSecondThanAPageHolds_StopTheRun_WithOneLine()
    {
        await using var fake = await SeededAsync();
        fake.EventPageSize = 2;

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(fake, ApiSyncStart));

        Assert.Contains("did not move past start_time", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public async Task ADeletedTicket_IsLeftOut_WithoutAProblem()
    {
        await using var fake = await SeededAsync();
        fake.Delete(1005, Now.AddMinutes(-10));

        var pages = await ReadAsync(fake, ApiSyncStart);

        Assert.DoesNotContain(pages.SelectMany(p => p.Tickets), t => t.Ticket.TicketId == "1005");
        Assert.All(pages, p => Assert.Empty(p.Problems));
    }

    [Fact]
    public async Task TheRoster_IsTheLiveGroups_AndTheAgentsOnStaffInTheirDefaultGroup()
    {
        await using var fake = await SeededAsync();
        var connector = new ZendeskConnector();
        var source = Options(fake);
        using var client = new ApiClient(Source, source.Api, connector.Authorization(source.Api));

        var tables = await connector.ReadRosterAsync(new ApiReadRequest(source, Now, Now, client, TimeZoneInfo.Utc), default);

        Assert.Equal(2, tables.Count);
        Assert.Equal(["Team"], tables[0].Columns);
        Assert.Equal(["Service Desk", "Workplace"], tables[0].Rows.Select(r => string.Join('|', r)));
        Assert.Equal(["Agent", "Team"], tables[1].Columns);
        Assert.Equal(["Anna de Vries|Service Desk", "Bram Jansen|Workplace", "Carla Smit|Workplace"], tables[1].Rows.Select(r => string.Join('|', r)));
    }

    [Theory]
    [InlineData("reports@example.com", "Basic", "reports@example.com/token:tok")]
    [InlineData("reports@example.com/token", "Basic", "reports@example.com/token:tok")]
    public void TheAuthorization_IsZendesksApiTokenForm(string user, string scheme, string expected)
    {
        var header = new ZendeskConnector().Authorization(new ApiSourceOptions { User = user, Secret = "tok" });

        Assert.Equal(scheme, header.Scheme);
        Assert.Equal(expected, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter!)));
    }
}
