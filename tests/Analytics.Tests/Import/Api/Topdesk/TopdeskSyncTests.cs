using Analytics.Import.Api.Topdesk;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Import.Api.Topdesk;

/// <summary>
/// TOPdesk end to end: the production sync reads the loopback TOPdesk into a real SQLite store. After a first
/// full sync, after incremental syncs with changes in between, and after a run killed between pages and run
/// again, the store holds exactly the fake's truth: its incidents and changes, their dated status events, and
/// its operator groups and operators as the roster.
/// </summary>
public sealed class TopdeskSyncTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private TopdeskFake _fake = null!;
    private ApiSyncHarness _harness = null!;

    public async Task InitializeAsync()
    {
        _fake = await TopdeskFake.StartAsync();
        _fake.Groups.AddRange([new FakeGroup("g1", "Servicedesk"), new FakeGroup("g2", "Werkplekbeheer")]);
        _fake.Operators.AddRange([new FakeOperator("o1", "Ana de Vries", ["g1"]), new FakeOperator("o2", "Bram Smit", ["g2"])]);
        for (var i = 1; i <= 7; i++)
        {
            var modified = Now.AddHours(-20 + (2 * i));
            _fake.Incidents.Add(new FakeIncident
            {
                Number = $"I 2611 {i:000}",
                Called = modified.AddHours(-3),
                Modified = modified,
                Operator = i % 2 == 0 ? "Bram Smit" : "Ana de Vries",
                Group = i % 2 == 0 ? "Werkplekbeheer" : "Servicedesk",
                Completed = i <= 3 ? modified.AddMinutes(-30) : null,
                Closed = i <= 2 ? modified : null,
            });
        }

        _fake.Changes.Add(new FakeChange { Number = "C2611-001", Brief = "Windows update", Created = Now.AddDays(-3), Modified = Now.AddHours(-9) });
        var clock = new DeferredClock();
        _harness = new ApiSyncHarness(new TopdeskConnector(time: clock), _fake.BaseUrl, Now);
        clock.Inner = _harness.Clock;
    }

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    public void Dispose() => _harness?.Dispose();

    [Fact]
    public async Task AFirstFullSync_ThenTwoIncrementalSyncsWithChangesBetween_LeaveTheStoreEqualToTopdesk()
    {
        await SyncAndAssertEqualAsync();
        Assert.Equal(Now.AddHours(-6), await _harness.WatermarkAsync());

        // An hour later: a new call, one completed and closed, one handed to another group, a change closed.
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        _fake.Incidents.Add(new FakeIncident { Number = "I 2611 008", Called = Now.AddMinutes(20), Modified = Now.AddMinutes(20), Operator = "Ana de Vries" });
        Modify(_fake.Incidents[3], Now.AddMinutes(30), i => (i.Completed, i.Closed) = (Now.AddMinutes(30), Now.AddMinutes(30)));
        Modify(_fake.Incidents[4], Now.AddMinutes(40), i => (i.Group, i.Operator) = ("Werkplekbeheer", "Bram Smit"));
        _fake.Changes[0].Closed = Now.AddMinutes(45);
        _fake.Changes[0].Modified = Now.AddMinutes(45);

        await SyncAndAssertEqualAsync();

        // The run ends where its last (incident) page says it is complete, not at the change read before it.
        Assert.Equal(Now.AddMinutes(40), await _harness.WatermarkAsync());

        // Another hour: a new change, a partial for another group, an operator joins the service desk.
        _harness.Clock.Advance(TimeSpan.FromHours(1));
        _fake.Changes.Add(new FakeChange { Number = "C2611-002", Created = Now.AddMinutes(70), Modified = Now.AddMinutes(70), Group = "Servicedesk" });
        _fake.Incidents.Add(new FakeIncident { Number = "I 2611 009", Status = "partial", Called = Now.AddMinutes(80), Modified = Now.AddMinutes(80), Group = "Werkplekbeheer", OperatorIsGroup = true });
        _fake.Operators.Add(new FakeOperator("o3", "Cas Jansen", ["g1"]));

        var third = await SyncAndAssertEqualAsync();
        Assert.Equal(2, third.Inserted);
        Assert.Equal(Now.AddMinutes(80), await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task ASyncKilledBetweenPages_ThenRunAgain_LeavesTheStoreEqualToTopdesk_WithNothingTwice()
    {
        // Page 1 is the change, pages 2 and 3 the first incidents; the run dies asking for page 4.
        Assert.Equal(3, await _harness.CrashAfterPagesAsync(3));
        Assert.Equal(["C2611-001", "I 2611 001", "I 2611 002", "I 2611 003"], (await _harness.TicketsAsync()).Select(t => t.TicketId));
        Assert.Equal(Now.AddHours(-14), await _harness.WatermarkAsync());

        await SyncAndAssertEqualAsync();
        Assert.Equal(Now.AddHours(-6), await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task ARecordChangedWhileTheSyncPages_EndsUpStoredInItsNewState()
    {
        _fake.AfterIncidentPage = page =>
        {
            if (page == 1)
            {
                Modify(_fake.Incidents[0], Now.AddMinutes(-10), i => i.Group = "Werkplekbeheer");
            }
        };

        await SyncAndAssertEqualAsync();
        Assert.Equal("Werkplekbeheer", (await _harness.TicketsAsync()).Single(t => t.TicketId == "I 2611 001").Team);
    }

    private async Task<Analytics.Import.Sources.SourceSyncResult> SyncAndAssertEqualAsync()
    {
        var result = await _harness.SyncAsync();
        Assert.True(result.Succeeded, result.Error);
        Assert.Empty(await _harness.QuarantineAsync());

        var expected = _fake.Incidents.Select(i => (i.Number, i.Group, i.OperatorIsGroup ? null : i.Operator, i.Completed ?? i.Closed, i.Closed, i.Modified))
            .Concat(_fake.Changes.Select(c => (c.Number, c.Group, (string?)null, c.Closed, c.Closed, c.Modified)))
            .OrderBy(t => t.Item1, StringComparer.Ordinal)
            .ToList();
        var stored = (await _harness.TicketsAsync()).Select(t => (t.TicketId, t.Team, t.Assignee, t.ResolvedAt, t.ClosedAt, t.UpdatedAt)).ToList();
        Assert.Equal(expected, stored);

        var expectedEvents = _fake.Incidents.SelectMany(i => Lifecycle(i.Number, i.Called, i.Completed, i.Closed))
            .Concat(_fake.Changes.SelectMany(c => Lifecycle(c.Number, c.Created, c.Closed, c.Closed)))
            .Order()
            .ToList();
        var storedEvents = (await _harness.EventsAsync()).Select(e => (e.TicketId, e.OccurredAt, e.Kind, e.ToValue ?? string.Empty)).Order().ToList();
        Assert.Equal(expectedEvents, storedEvents);

        Assert.Equal(_fake.Groups.Select(g => g.Name).Order(StringComparer.Ordinal), (await _harness.TeamsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
        var agents = (await _harness.AgentsAsync()).Where(a => !a.Inferred).Select(a => (a.Name, a.Team)).Order().ToList();
        var members = _fake.Operators.Select(o => (o.Name, _fake.Groups.Single(g => g.Id == o.Groups[0]).Name)).Order().ToList();
        Assert.Equal(members, agents);
        return result;
    }

    /// <summary>What the record dates: opened, completed (unless at the closing instant), closed.</summary>
    private static IEnumerable<(string, DateTimeOffset, TicketEventKind, string)> Lifecycle(string id, DateTimeOffset opened, DateTimeOffset? completed, DateTimeOffset? closed)
    {
        yield return (id, opened, TicketEventKind.Status, "Open");
        if (completed is { } c && completed != closed)
        {
            yield return (id, c, TicketEventKind.Status, "Completed");
        }

        if (closed is { } d)
        {
            yield return (id, d, TicketEventKind.Status, "Closed");
        }
    }

    private static void Modify(FakeIncident incident, DateTimeOffset at, Action<FakeIncident> change)
    {
        change(incident);
        incident.Modified = at;
    }

    /// <summary>The harness's clock, which exists only once the harness does (the connector is made first).</summary>
    private sealed class DeferredClock : TimeProvider
    {
        public TimeProvider? Inner { get; set; }

        public override DateTimeOffset GetUtcNow() => (Inner ?? System).GetUtcNow();
    }
}
