using Analytics.Import.Api.Zendesk;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Import.Api.Zendesk;

/// <summary>Zendesk end to end: the production sync, a real SQLite store and the fake's truth must agree after every run.</summary>
public sealed class ZendeskSyncTests
{
    private static readonly DateTimeOffset Now = ZendeskConnectorTests.Now;

    private static ApiSyncHarness Harness(ZendeskFake fake) => new(new ZendeskConnector(), fake.BaseUrl, fake.Now, s =>
    {
        s.Api.User = ZendeskFake.Email;
        s.Api.Secret = ZendeskFake.Token;
    });

    /// <summary>The store holds exactly the truth: tickets, events and the roster.</summary>
    private static async Task AssertStoreEqualsTruth(ApiSyncHarness harness, ZendeskFake fake)
    {
        var source = harness.Source.Name;
        Assert.Equal(fake.ExpectedTickets(source).OrderBy(t => t.TicketId, StringComparer.Ordinal), await harness.TicketsAsync());
        Assert.Equal(Sorted(fake.ExpectedEvents(source)), Sorted(await harness.EventsAsync()));
        Assert.Equal(["Service Desk", "Workplace"], (await harness.TeamsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["Anna de Vries|Service Desk", "Bram Jansen|Workplace", "Carla Smit|Workplace"],
            (await harness.AgentsAsync()).Select(a => $"{a.Name}|{a.Team}").Order(StringComparer.Ordinal));
    }

    private static List<TicketEvent> Sorted(IEnumerable<TicketEvent> events) =>
        [.. events.OrderBy(e => e.TicketId, StringComparer.Ordinal).ThenBy(e => e.OccurredAt).ThenBy(e => e.Kind).ThenBy(e => e.Sequence)];

    /// <summary>An hour passes for the fake and the worker alike.</summary>
    private static void HourLater(ZendeskFake fake, ApiSyncHarness harness)
    {
        fake.Now += TimeSpan.FromHours(1);
        harness.Clock.Advance(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task AFirstFullSync_AndTwoIncrementalSyncs_WithChangesInBetween_LeaveTheStoreEqualToTheTruth()
    {
        await using var fake = await ZendeskConnectorTests.SeededAsync();
        using var harness = Harness(fake);

        var first = await harness.SyncAsync();

        Assert.True(first.Succeeded, first.Error);
        await AssertStoreEqualsTruth(harness, fake);
        Assert.Equal(ZendeskConnectorTests.T0.AddDays(1), await harness.WatermarkAsync());

        HourLater(fake, harness);
        fake.Open(1006, Now.AddMinutes(10), "Mailbox full", "question", "low", "web", group: 11);
        fake.Change(1003, Now.AddMinutes(20), 102, ("status", "solved"));
        fake.Change(1005, Now.AddMinutes(30), 101, ("group_id", 11L), ("assignee_id", 101L), ("status", "open"));
        fake.Touch(1001, Now.AddMinutes(35));

        var second = await harness.SyncAsync();

        Assert.True(second.Succeeded, second.Error);
        await AssertStoreEqualsTruth(harness, fake);
        Assert.Equal(Now.AddMinutes(30), await harness.WatermarkAsync());
        var incremental = fake.Api.Requests.Last(r => r.Path == ZendeskConnector.TicketsPath && r.Query.Contains("start_time", StringComparison.Ordinal));
        Assert.Contains($"start_time={ZendeskConnectorTests.T0.AddDays(1).AddMinutes(-10).ToUnixTimeSeconds()}&", incremental.Query, StringComparison.Ordinal);

        HourLater(fake, harness);
        fake.Change(1004, Now.AddMinutes(70), 100, ("status", "solved"));
        fake.Change(1006, Now.AddMinutes(75), 101, ("assignee_id", 101L), ("status", "pending"));
        fake.Change(1006, Now.AddMinutes(80), 101, ("assignee_id", 100L), ("group_id", 10L));
        fake.Change(1003, Now.AddMinutes(85), 900, ("status", "open"));

        var third = await harness.SyncAsync();

        Assert.True(third.Succeeded, third.Error);
        await AssertStoreEqualsTruth(harness, fake);
        Assert.Equal(Now.AddMinutes(85), await harness.WatermarkAsync());
        Assert.Empty(await harness.QuarantineAsync());
    }

    [Fact]
    public async Task ASyncKilledBetweenPages_ThenRerun_LeavesTheStoreEqualToTheTruth()
    {
        await using var fake = await ZendeskConnectorTests.SeededAsync();
        using var harness = Harness(fake);

        Assert.Equal(1, await harness.CrashAfterPagesAsync(1));

        Assert.Equal(2, (await harness.TicketsAsync()).Count);
        Assert.Null(await harness.WatermarkAsync());

        var rerun = await harness.SyncAsync();

        Assert.True(rerun.Succeeded, rerun.Error);
        await AssertStoreEqualsTruth(harness, fake);

        // And once more in an incremental run: killed after its first page, then rerun.
        HourLater(fake, harness);
        fake.Open(1006, Now.AddMinutes(10), "Mailbox full", "question", "low", "web", group: 11);
        fake.Change(1002, Now.AddMinutes(15), 101, ("status", "solved"));
        fake.Change(1004, Now.AddMinutes(20), 100, ("status", "solved"));
        var before = await harness.WatermarkAsync();

        Assert.Equal(1, await harness.CrashAfterPagesAsync(1));
        Assert.Equal(before, await harness.WatermarkAsync());

        var again = await harness.SyncAsync();

        Assert.True(again.Succeeded, again.Error);
        await AssertStoreEqualsTruth(harness, fake);
    }

    [Fact]
    public async Task AMalformedTicket_IsQuarantinedWithItsKeyAndField_TheOthersStored()
    {
        await using var fake = await ZendeskConnectorTests.SeededAsync();
        fake.RawTickets[1003] = """{"id":1003,"created_at":"yesterday","updated_at":"2026-11-02T08:40:00Z","status":"pending"}""";
        using var harness = Harness(fake);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["1001", "1002", "1004", "1005"], (await harness.TicketsAsync()).Select(t => t.TicketId));
        var problem = Assert.Single(await harness.QuarantineAsync());
        Assert.Equal(("desk ticket 1003", "created_at"), (problem.FileName, problem.Field));
    }
}
