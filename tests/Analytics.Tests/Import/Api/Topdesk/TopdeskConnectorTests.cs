using System.Text;
using Analytics.Import.Api;
using Analytics.Import.Api.Topdesk;
using Analytics.Import.Sources;
using Analytics.Tickets;

namespace Analytics.Tests.Import.Api.Topdesk;

/// <summary>The TOPdesk connector against a TOPdesk on loopback: paging, faults, mapping and the roster.</summary>
public sealed class TopdeskConnectorTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private TopdeskFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await TopdeskFake.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            _fake.Incidents.Add(Incident($"I 2611 00{i}", Now.AddHours(-10 + i)));
        }
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    [Fact]
    public async Task SeveralPages_AreRead_InModificationOrder_EachMovingCompleteUpToToItsLastChange()
    {
        _fake.ChangesLicensed = false;

        var pages = await ReadAsync(Since(Now.AddDays(-1)));

        // Each next page asks again from the last change seen, so its first record is the previous page's last
        // (recognised and not delivered twice): 206 for every full page, 200 for the short last one.
        Assert.Equal(["I 2611 001", "I 2611 002", "I 2611 003", "I 2611 004", "I 2611 005"], pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId));
        Assert.Equal([Now.AddHours(-8), Now.AddHours(-7), Now.AddHours(-6), Now.AddHours(-5), Now.AddHours(-5)], pages.Select(p => p.CompleteUpTo));
        var asked = IncidentReads();
        Assert.Equal(5, asked.Count);
        Assert.All(asked, r => Assert.Contains("sort=modificationDate:asc", r.Query, StringComparison.Ordinal));
        Assert.All(asked, r => Assert.Contains("pageStart=0&pageSize=2", r.Query, StringComparison.Ordinal));
        Assert.Contains(Uri.EscapeDataString("modificationDate=ge=2026-11-22T23:00:00Z"), asked[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFiqlSince_IsUtc_RoundedDownToTheSecond_AndTheSourceFilterIsAndedOn()
    {
        _fake.ChangesLicensed = false;
        var since = new DateTimeOffset(2026, 3, 29, 3, 30, 15, 987, TimeSpan.FromHours(2));

        await ReadAsync(Since(since, s => s.Api.Filter = "operatorGroup.name==Servicedesk"));

        var query = Uri.UnescapeDataString(IncidentReads()[0].Query);
        Assert.Contains("query=modificationDate=ge=2026-03-29T01:30:15Z;(operatorGroup.name==Servicedesk)", query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordChangedWhileTheSyncPages_IsNotSkipped_AndItsNewVersionIsRead()
    {
        _fake.ChangesLicensed = false;

        // After the first page (001, 002), 001 is modified: it moves to the end, and 003 slides into its place.
        // An offset-paged reader would now ask from position 2 and never see 003.
        _fake.AfterIncidentPage = page =>
        {
            if (page == 1)
            {
                var first = _fake.Incidents[0];
                first.Group = "Werkplekbeheer";
                first.Modified = Now.AddMinutes(-30);
            }
        };

        var pages = await ReadAsync(Since(Now.AddDays(-1)));

        var read = pages.SelectMany(p => p.Tickets).Select(t => t.Ticket).ToList();
        Assert.Equal(["I 2611 001", "I 2611 002", "I 2611 003", "I 2611 004", "I 2611 005", "I 2611 001"], read.Select(t => t.TicketId));
        Assert.Equal("Werkplekbeheer", read[^1].Team);
        Assert.Equal(Now.AddMinutes(-30), pages[^1].CompleteUpTo);
    }

    [Fact]
    public async Task A429WithRetryAfter_AndA503_AreWaitedOut_AndNothingIsLostOrDoubled()
    {
        _fake.ChangesLicensed = false;
        _fake.Api.Inject(429, "/tas/api/incidents", retryAfter: "1");
        _fake.Api.Inject(503, "/tas/api/incidents");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var pages = await ReadAsync(Since(Now.AddDays(-1)));

        Assert.Equal(5, pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId).Distinct().Count());
        Assert.Equal(5, pages.Sum(p => p.Tickets.Count));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), "the Retry-After (1 s) and the 503's backoff (1 s) were waited");
    }

    [Fact]
    public async Task A401_FailsAtOnce_WithOneLine_AndTheSecretNowhere()
    {
        _fake.Api.Inject(401, body: """{"message":"Application password is invalid"}""");

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(Since(Now.AddDays(-1))));

        Assert.Contains("refused the credentials (401)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("reader:s3cret-token")), ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Single(_fake.Api.Requests);
    }

    [Fact]
    public async Task NoIncidentRights_403_FailsBeforeAnyChangeIsRead()
    {
        _fake.Changes.Add(new FakeChange { Number = "C2611-001", Created = Now.AddDays(-2), Modified = Now.AddHours(-2) });
        _fake.Api.Inject(403, "/tas/api/incidents");

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(Since(Now.AddDays(-1))));

        Assert.Contains("lacks read access to /tas/api/incidents (403)", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_fake.Api.Requests, r => r.Path == "/tas/api/operatorChanges");
    }

    [Fact]
    public void AnEmptyUser_FailsNamingTheSetting_BeforeAnyRequest()
    {
        var ex = Assert.Throws<SourceQueryException>(() => new TopdeskConnector().Authorization(new ApiSourceOptions { BaseUrl = _fake.BaseUrl, Secret = "s3cret-token" }));

        Assert.StartsWith("Api:User is required for TOPdesk", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMalformedRecord_IsAProblemNamingItsField_AndTheRestOfThePageIsKept()
    {
        _fake.ChangesLicensed = false;
        _fake.Incidents.Clear();
        _fake.Incidents.Add(Incident("I 2611 001", Now.AddHours(-3)));
        _fake.RawIncidents.Add($$"""{"id":"x1","number":"I 2611 666","status":"firstLine","callDate":"gisteren","creationDate":"gisteren","modificationDate":"{{TopdeskFake.Date(Now.AddHours(-2))}}"}""");
        _fake.RawIncidents.Add($$"""{"id":"x2","number":"I 2611 667","status":"firstLine","callDate":"{{TopdeskFake.Date(Now.AddHours(-4))}}","modificationDate":"{{TopdeskFake.Date(Now.AddHours(-2))}}","closed":true,"closedDate":null}""");
        _fake.RawIncidents.Add("""[1,2]""");

        var pages = await ReadAsync(Since(Now.AddDays(-1), s => s.Api.PageSize = 10));

        Assert.Equal(["I 2611 001"], pages.SelectMany(p => p.Tickets).Select(t => t.Ticket.TicketId));
        var problems = pages.SelectMany(p => p.Problems).ToList();
        Assert.Contains(problems, p => p.RecordKey == "I 2611 666" && p.Field == "callDate" && p.RawValue == "gisteren" && p.UpdatedAt == Now.AddHours(-2));
        Assert.Contains(problems, p => p.RecordKey == "I 2611 667" && p.Field == "closedDate" && p.Reason.Contains("no closure date", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Field == "(record)" && p.Reason == "not a JSON object");
    }

    [Fact]
    public async Task AnEmptyWindow_Is204_AndGivesNoTickets_AfterOneRequest()
    {
        _fake.ChangesLicensed = false;

        var pages = await ReadAsync(Since(Now.AddHours(1)));

        Assert.Empty(pages.SelectMany(p => p.Tickets));
        Assert.Single(IncidentReads());
    }

    [Fact]
    public async Task ChangesNotLicensed_404_AreSkipped_WithOneLogLine_AndIncidentsAreStillRead()
    {
        _fake.ChangesLicensed = false;
        var logger = new RecordingLogger<TopdeskConnector>();

        var pages = await ReadAsync(Since(Now.AddDays(-1)), new TopdeskConnector(logger));

        Assert.Single(_fake.Api.Requests, r => r.Path == "/tas/api/operatorChanges");
        Assert.Equal(5, pages.Sum(p => p.Tickets.Count));
        var line = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Information, line.Level);
        Assert.Contains("changes are not read", line.Message, StringComparison.Ordinal);
        Assert.Contains("(404)", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AChangeQueryTopdeskRefuses_400_IsAWarning_AndIncidentsAreStillRead()
    {
        _fake.Api.Inject(400, "/tas/api/operatorChanges", body: """{"errors":[{"errorCode":"invalid_query","errorMessage":"Unknown field modificationDate"}]}""");
        var logger = new RecordingLogger<TopdeskConnector>();

        var pages = await ReadAsync(Since(Now.AddDays(-1)), new TopdeskConnector(logger));

        Assert.Equal(5, pages.Sum(p => p.Tickets.Count));
        var line = Assert.Single(logger.Lines);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, line.Level);
        Assert.Contains("Unknown field modificationDate", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LicensedChanges_AreReadFirst_AsChangeTickets_WithoutMovingTheWatermarkOnTheirOwn()
    {
        _fake.Changes.Add(new FakeChange { Number = "C2611-001", Brief = "Office update", Created = Now.AddDays(-2), Modified = Now.AddHours(-2), Closed = Now.AddHours(-2) });

        var pages = await ReadAsync(Since(Now.AddDays(-1)));

        var change = Assert.Single(pages[0].Tickets).Ticket;
        Assert.Null(pages[0].CompleteUpTo);
        Assert.Equal(TicketKind.Change, change.Kind);
        Assert.Equal("Werkplekbeheer", change.Team);
        Assert.Null(change.Assignee);
        Assert.Equal(Now.AddHours(-2), change.ClosedAt);
        Assert.Equal(["/tas/api/incidents", "/tas/api/operatorChanges"], _fake.Api.Requests.Take(2).Select(r => r.Path));
        Assert.Equal("?pageStart=0&pageSize=1&fields=id", _fake.Api.Requests.First().Query);
        Assert.Equal(6, pages.Sum(p => p.Tickets.Count));
    }

    [Fact]
    public async Task WithChangesRead_IncidentPagesMoveTheWatermark_NoFurtherThanTheChangesReadBegan_LessTheSkew()
    {
        // Changes modified while the incidents are read are not in this run: an incident page must not promise them.
        _fake.Incidents.Add(Incident("I 2611 006", Now.AddMinutes(-1)));
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);

        var pages = await ReadAsync(Since(Now.AddDays(-1)), new TopdeskConnector(time: clock));

        Assert.Equal(Now.AddMinutes(-5), pages[^1].CompleteUpTo);
        Assert.Equal(Now.AddHours(-8), pages.First(p => p.Tickets.Count > 0 && p.Tickets[0].Ticket.Kind == TicketKind.Incident).CompleteUpTo);
    }

    [Fact]
    public async Task TablesIncidentsOnly_AsksNothingOfChangeManagement()
    {
        _fake.Changes.Add(new FakeChange { Number = "C2611-001", Created = Now.AddDays(-2), Modified = Now.AddHours(-2) });

        var pages = await ReadAsync(Since(Now.AddDays(-1), s => s.Api.Tables = ["Incidents"]));

        Assert.DoesNotContain(_fake.Api.Requests, r => r.Path == "/tas/api/operatorChanges");
        Assert.Equal(5, pages.Sum(p => p.Tickets.Count));
    }

    [Fact]
    public async Task AnUnknownTable_FailsWithOneLineNamingTheSetting()
    {
        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(Since(Now.AddDays(-1), s => s.Api.Tables = ["problems"])));

        Assert.Equal("Source 'desk': Api:Tables has 'problems'; TOPdesk sources read 'incidents' and 'changes'.", ex.Message);
        Assert.Empty(_fake.Api.Requests);
    }

    [Fact]
    public async Task AnAnswerThatIsNoList_FailsWithOneLine_NotAStackTrace()
    {
        await using var other = await Support.LoopbackApi.StartAsync(context => Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(context.Response, """{"status":"UP"}"""));
        var request = Since(Now.AddDays(-1), s => s.Api.Tables = ["incidents"]);
        using var unused = request.Client;
        request = request with { Client = new ApiClient("desk", new ApiSourceOptions { BaseUrl = other.BaseUrl }, null) };

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => ReadAsync(request));

        Assert.Equal("Source 'desk': /tas/api/incidents did not answer with a list of records; is Api:BaseUrl the TOPdesk address (https://example.topdesk.net)?", ex.Message);
    }

    [Fact]
    public async Task AnIncident_IsMappedAsTheCsvProfileMapsIt()
    {
        _fake.ChangesLicensed = false;
        _fake.Incidents.Clear();
        _fake.Incidents.Add(new FakeIncident
        {
            Number = "I 2611 010", Status = "secondLine", Brief = "Laptop voor nieuwe medewerker", CallType = "Verzoek", EntryType = "Selfservice portal",
            Category = "Werkplek", Subcategory = "Laptop", Priority = "P4 - Laag", Group = "Werkplekbeheer", Operator = "Bram Smit",
            Called = Now.AddDays(-3), Modified = Now.AddHours(-1), Target = Now.AddDays(-2), Completed = Now.AddDays(-1), Closed = Now.AddHours(-1), TimeSpent = 90,
        });
        _fake.Incidents.Add(new FakeIncident { Number = "I 2611 011", Status = "partial", EntryType = "Monitoring", Group = "Netwerkbeheer", OperatorIsGroup = true, Called = Now.AddDays(-1), Modified = Now.AddMinutes(-50) });

        var tickets = (await ReadAsync(Since(Now.AddDays(-7)))).SelectMany(p => p.Tickets).ToList();

        var request = tickets[0].Ticket;
        Assert.Equal(TicketKind.Request, request.Kind);
        Assert.Equal(("Laptop voor nieuwe medewerker", "Werkplek", "Laptop", "P4 - Laag"), (request.Title, request.Category, request.Subcategory, request.Priority));
        Assert.Equal((Channel.Portal, "Werkplekbeheer", "Bram Smit"), (request.Channel!.Value, request.Team, request.Assignee));
        Assert.Equal((Now.AddDays(-3), Now.AddDays(-1), Now.AddHours(-1), Now.AddDays(-2)), (request.OpenedAt, request.ResolvedAt!.Value, request.ClosedAt!.Value, request.DueAt!.Value));
        Assert.True(request.SlaBreached);
        Assert.Equal(90, request.TimeSpentMinutes);
        Assert.Equal(Now.AddHours(-1), request.UpdatedAt);
        Assert.Equal(["Open", "Completed", "Closed"], tickets[0].Events.Select(e => e.ToValue));
        Assert.Equal([null, "Open", "Completed"], tickets[0].Events.Select(e => e.FromValue));

        var partial = tickets[1].Ticket;
        Assert.Equal(TicketKind.Task, partial.Kind);
        Assert.True(partial.Proactive);
        Assert.Equal(("Netwerkbeheer", (string?)null), (partial.Team, partial.Assignee));
        Assert.Contains("all=true", IncidentReads()[^1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheRoster_IsTheLiveOperatorGroups_AndTheirOperators_InRosterFileColumns()
    {
        _fake.Groups.AddRange([new FakeGroup("g1", "Servicedesk"), new FakeGroup("g2", "Werkplekbeheer"), new FakeGroup("g3", "Oud team", Archived: true)]);
        _fake.Operators.AddRange(
        [
            new FakeOperator("o1", "Ana de Vries", ["g1"]),
            new FakeOperator("o2", "Bram Smit", ["g2", "g1"]),
            new FakeOperator("o3", "Cor Oud", ["g1"], Archived: true),
            new FakeOperator("o4", "API Koppeling", []),
        ]);
        for (var i = 0; i < 120; i++)
        {
            _fake.Operators.Add(new FakeOperator($"x{i}", $"Extra {i:000}", ["g2"]));
        }

        var tables = await RosterAsync();

        Assert.Equal(["Team"], tables[0].Columns);
        Assert.Equal(["Servicedesk", "Werkplekbeheer"], tables[0].Rows.Select(r => r[0]));
        Assert.Equal(["Name", "Team"], tables[1].Columns);
        Assert.Equal(122, tables[1].Rows.Count);
        Assert.Contains(tables[1].Rows, r => r.SequenceEqual(["Ana de Vries", "Servicedesk"]));
        Assert.Contains(tables[1].Rows, r => r.SequenceEqual(["Bram Smit", "Servicedesk"]));
        Assert.DoesNotContain(tables[1].Rows, r => r[0] is "Cor Oud" or "API Koppeling");
        Assert.Equal(2, _fake.Api.Requests.Count(r => r.Path == "/tas/api/operators"));
    }

    [Fact]
    public async Task ARosterTheUserMayNotRead_403_IsEmpty_NotAFailure()
    {
        _fake.Api.Inject(403, "/tas/api/operatorgroups");

        var tables = await RosterAsync();

        Assert.Empty(tables);
    }

    [Theory]
    [InlineData("2021-02-11T06:32:36.303+0000", "2021-02-11T06:32:36.303Z")]
    [InlineData("2021-02-11T07:32:36.000+0100", "2021-02-11T06:32:36Z")]
    [InlineData("2021-02-11T06:32:36Z", "2021-02-11T06:32:36Z")]
    [InlineData("2021-07-11T08:32:36", "2021-07-11T06:32:36Z")]
    public void TopdeskDates_InEitherLayout_AreReadAsUtc(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TopdeskFields.Parse(text, Amsterdam));
    }

    private static FakeIncident Incident(string number, DateTimeOffset modified) =>
        new() { Number = number, Called = modified.AddHours(-1), Modified = modified, Operator = "Ana de Vries" };

    private ApiReadRequest Since(DateTimeOffset since, Action<TicketSourceOptions>? configure = null)
    {
        var source = new TicketSourceOptions
        {
            Name = "desk",
            Provider = SourceProvider.TOPdesk,
            TimeZone = "Europe/Amsterdam",
            Api = new ApiSourceOptions { BaseUrl = _fake.BaseUrl, User = "reader", Secret = "s3cret-token", PageSize = 2, MaxRetries = 3, MaxRetryWait = TimeSpan.FromSeconds(3) },
        };
        configure?.Invoke(source);
        var client = new ApiClient(source.Name, source.Api, new TopdeskConnector().Authorization(source.Api));
        return new ApiReadRequest(source, since, Now.AddMinutes(5), client, Amsterdam);
    }

    /// <summary>The incident pages asked for, without the one-record rights probe that precedes the changes.</summary>
    private List<Support.RecordedRequest> IncidentReads() =>
        [.. _fake.Api.Requests.Where(r => r.Path == "/tas/api/incidents" && r.Query.Contains("query=", StringComparison.Ordinal))];

    private async Task<IReadOnlyList<ApiRosterTable>> RosterAsync()
    {
        var request = Since(Now);
        using (request.Client)
        {
            return await new TopdeskConnector().ReadRosterAsync(request, default);
        }
    }

    private static async Task<List<ApiPage>> ReadAsync(ApiReadRequest request, TopdeskConnector? connector = null)
    {
        using (request.Client)
        {
            var pages = new List<ApiPage>();
            await foreach (var page in (connector ?? new TopdeskConnector()).ReadChangedAsync(request, default))
            {
                pages.Add(page);
            }

            return pages;
        }
    }
}
