using System.Globalization;
using Analytics.Import.Api.ServiceNow;
using Analytics.Tests.Support;
using Analytics.Tickets;
using static Analytics.Tests.Import.Api.ServiceNow.ServiceNowScenario;

namespace Analytics.Tests.Import.Api.ServiceNow;

/// <summary>
/// The ServiceNow connector run by the production sync into a real SQLite store: after every run the store
/// must equal the instance (tickets, their status and assignment history, the roster).
/// </summary>
public sealed class ServiceNowSyncTests : IAsyncLifetime, IDisposable
{
    private FakeServiceNow _sn = null!;
    private ApiSyncHarness _harness = null!;
    private Ids _ids = null!;

    public async Task InitializeAsync()
    {
        _sn = await FakeServiceNow.StartAsync();
        _ids = Seed(_sn);
        _harness = new ApiSyncHarness(new ServiceNowConnector(), _sn.BaseUrl, T0.AddHours(6));
    }

    public async Task DisposeAsync() => await _sn.DisposeAsync();

    public void Dispose() => _harness?.Dispose();

    [Fact]
    public async Task AFirstSync_ThenTwoIncrementalSyncs_LeaveTheStoreEqualToTheInstance()
    {
        var first = await _harness.SyncAsync();
        Assert.True(first.Succeeded, first.Error);
        await AssertStoreEqualsInstance();
        Assert.Equal(T0.AddHours(5), await _harness.WatermarkAsync());

        // An hour later: a ticket handed over, a new one, a new member of the service desk.
        var t1 = T0.AddHours(6);
        _sn.Update("INC0010004", t1.AddMinutes(10), "ann.agent", new() { ["assignment_group"] = _ids.Network, ["assigned_to"] = _ids.Bob, ["state"] = "2|In Progress", ["reassignment_count"] = "1" });
        _sn.Open("incident", "INC0010005", t1.AddMinutes(20), "ann.agent", new() { ["assignment_group"] = _ids.ServiceDesk, ["state"] = "1|New", ["contact_type"] = "walk-in|Walk-in" });
        var dee = _sn.User("Dee Desk", "dee@example.org", manager: _ids.Mia);
        _sn.Member(_ids.ServiceDesk, dee);
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        var tasksBefore = _sn.RequestsPerTable["task"];
        var requestsBefore = _sn.Api.Requests.Count;

        var second = await _harness.SyncAsync();

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(2, second.Inserted + second.Updated);
        Assert.Equal(2, _sn.RequestsPerTable["task"] - tasksBefore); // the overlap's change and the two new ones, two a page
        // From the watermark (the change at 13:00) less the 10 minutes' overlap.
        var firstTaskQuery = _sn.Api.Requests.Skip(requestsBefore).First(r => r.Path.EndsWith("/task", StringComparison.Ordinal)).Query;
        Assert.Contains("sys_updated_on>=2026-11-02 12:50:00^", Uri.UnescapeDataString(firstTaskQuery), StringComparison.Ordinal);
        await AssertStoreEqualsInstance();

        // And another: the resolved incident is reopened, the handed-over one resolved, the change closed.
        var t2 = T0.AddHours(7);
        _sn.Update("INC0010001", t2.AddMinutes(5), "ann.agent", new() { ["state"] = "2|In Progress", ["resolved_at"] = null, ["resolved_by"] = null, ["reopen_count"] = "1" });
        _sn.Update("INC0010004", t2.AddMinutes(15), "bob.builder", new() { ["state"] = "6|Resolved", ["resolved_at"] = FakeServiceNow.Text(t2.AddMinutes(15)), ["resolved_by"] = _ids.Bob });
        _sn.Update("CHG0030001", t2.AddMinutes(25), "cas.changer", new() { ["state"] = "3|Closed", ["closed_at"] = FakeServiceNow.Text(t2.AddMinutes(25)), ["active"] = "false" });
        _harness.Clock.Advance(TimeSpan.FromHours(1));

        var third = await _harness.SyncAsync();

        Assert.True(third.Succeeded, third.Error);
        Assert.Equal(3, third.Updated);
        await AssertStoreEqualsInstance();
        var reopened = (await _harness.TicketsAsync()).Single(t => t.TicketId == "INC0010001");
        Assert.Equal((1, (DateTimeOffset?)null), (reopened.ReopenCount, reopened.ResolvedAt));
        Assert.Equal(t2.AddMinutes(25), await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task ASyncKilledBetweenPages_ThenRerun_LeavesTheStoreEqualToTheInstance()
    {
        Assert.Equal(2, await _harness.CrashAfterPagesAsync(2));

        var stored = await _harness.TicketsAsync();
        Assert.Equal(4, stored.Count);
        Assert.Equal(stored.Max(t => t.UpdatedAt), await _harness.WatermarkAsync());

        var rerun = await _harness.SyncAsync();

        Assert.True(rerun.Succeeded, rerun.Error);
        await AssertStoreEqualsInstance();
    }

    [Fact]
    public async Task Faults_AreWaitedOut_AndAMalformedRecordIsQuarantined_DuringASync()
    {
        _sn.Api.Inject(429, "/api/now/table/incident", retryAfter: "1");
        _sn.Api.Inject(503, "/api/now/table/sys_audit");
        _sn.Damage("PRB0040001", "opened_at", "31-02-2026");

        var result = await _harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        var quarantined = Assert.Single(await _harness.QuarantineAsync());
        Assert.Equal(("desk ticket PRB0040001", "opened_at", "31-02-2026"), (quarantined.FileName, quarantined.Field, quarantined.RawValue));
        Assert.Equal(6, (await _harness.TicketsAsync()).Count);
    }

    [Fact]
    public async Task A401_FailsTheSource_InOneLine_WithoutTheSecret()
    {
        _sn.Api.Inject(401, body: """{"error":{"message":"User Not Authenticated","detail":"Required to provide Auth information"},"status":"failure"}""");

        var result = await _harness.SyncAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("refused the credentials (401)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-token", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.Error!);
        Assert.Empty(await _harness.TicketsAsync());
        Assert.Null(await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task ARosterTheUserMayNotRead_LeavesTheRosterAlone_AndTheTicketsSynced()
    {
        _sn.Api.Inject(403, "/api/now/table/sys_user_grmember", body: """{"error":{"message":"User Not Authorized","detail":"ACL restricts the record retrieval"},"status":"failure"}""");

        var result = await _harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(7, (await _harness.TicketsAsync()).Count);
        Assert.Empty(await _harness.AgentsAsync());
        Assert.Equal(T0.AddHours(5), await _harness.WatermarkAsync());
    }

    /// <summary>The store, read back, against the instance's truth computed from its own records and history.</summary>
    private async Task AssertStoreEqualsInstance()
    {
        var expected = _sn.Tickets().OrderBy(t => t.Number, StringComparer.Ordinal).Select(t => new
        {
            Id = t.Number,
            Kind = t.Table switch { "incident" => TicketKind.Incident, "sc_req_item" => TicketKind.Request, "change_request" => TicketKind.Change, _ => TicketKind.Problem },
            Team = _sn.NameOf("sys_user_group", t.Value("assignment_group")),
            Assignee = _sn.NameOf("sys_user", t.Value("assigned_to")),
            Priority = t.Display("priority") is { Length: > 0 } p ? p : null,
            Opened = Time(t.Value("opened_at")),
            Resolved = Time(t.Value("resolved_at") ?? t.Value("closed_at") ?? (t.Value("active") == "false" ? t.Value("sys_updated_on") : null)),
            Updated = Time(t.Value("sys_updated_on")),
        }).ToList();
        var actual = (await _harness.TicketsAsync()).Select(t => new
        {
            Id = t.TicketId,
            t.Kind,
            t.Team,
            t.Assignee,
            t.Priority,
            Opened = (DateTimeOffset?)t.OpenedAt,
            Resolved = t.ResolvedAt,
            Updated = (DateTimeOffset?)t.UpdatedAt,
        }).ToList();
        Assert.Equal(expected.Select(e => e.ToString()), actual.Select(a => a.ToString()));

        var expectedEvents = _sn.History.Select(e => Describe(e)).Order(StringComparer.Ordinal).ToList();
        var actualEvents = (await _harness.EventsAsync()).Select(Describe).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expectedEvents, actualEvents);

        var (teams, members) = _sn.Roster();
        Assert.Equal(teams.Order(StringComparer.Ordinal), (await _harness.TeamsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
        var agents = await _harness.AgentsAsync();
        Assert.Equal(members.Select(m => m.Agent).Distinct().Order(StringComparer.Ordinal), agents.Select(a => a.Name).Order(StringComparer.Ordinal));
        Assert.All(agents, a => Assert.Contains((a.Name, a.Team), members));
    }

    private static string Describe(TicketEvent e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.TicketId} {e.OccurredAt:u} {e.Kind} #{e.Sequence} {e.FromValue} -> {e.ToValue} by {e.Actor}");

    private static DateTimeOffset? Time(string? text) =>
        text is null ? null : new DateTimeOffset(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.Zero);
}
