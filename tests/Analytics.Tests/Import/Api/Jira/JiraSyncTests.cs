using Analytics.Import.Api.Jira;
using Analytics.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Tests.Import.Api.Jira;

/// <summary>End to end: the production sync against the Jira fake on loopback, into a SQLite store.</summary>
public sealed class JiraSyncTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AFullSync_ThenTwoIncrementalSyncs_LeaveTheStoreEqualToJira()
    {
        await using var fake = await Seeded();
        using var harness = Harness(fake);

        var first = await harness.SyncAsync();

        Assert.True(first.Succeeded, first.Error);
        await AssertStoreEqualsJira(harness, fake);
        Assert.Equal(Second(Now.AddHours(-2).AddMilliseconds(250)), await harness.WatermarkAsync());

        // An hour later: an assignment, a resolution, a team move and a new issue.
        harness.Clock.Advance(TimeSpan.FromHours(1));
        fake.Change("HELP-1", Now.AddMinutes(10), "Ann", assignee: "Ann", status: "In Progress");
        fake.Change("HELP-2", Now.AddMinutes(20), "Bob", status: "Resolved", category: "done", resolve: true);
        fake.Change("HELP-3", Now.AddMinutes(30), "Cy", team: "Network");
        fake.AddIssue("HELP-6", Now.AddMinutes(40).AddMilliseconds(900), type: "[System] Incident", requestType: "Report a system problem");

        var second = await harness.SyncAsync();

        Assert.True(second.Succeeded, second.Error);
        await AssertStoreEqualsJira(harness, fake);
        // The window starts at the watermark less the overlap (05:00 - 10 min UTC), in the API user's zone, to the minute.
        Assert.Equal("updated >= \"2026/11/23 05:50\" ORDER BY updated ASC", fake.Jqls[^1]);

        // Another hour: the resolved issue is reopened and closed again, and Bob moves to Network.
        harness.Clock.Advance(TimeSpan.FromHours(1));
        fake.Change("HELP-2", Now.AddMinutes(70), "Ann", status: "In Progress", reopen: true);
        fake.Change("HELP-2", Now.AddMinutes(80), "Ann", status: "Closed", category: "done", resolve: true);
        fake.Change("HELP-6", Now.AddMinutes(90), "Cy", assignee: "Cy");
        fake.Groups[1].Members.RemoveAll(m => m.Name == "Bob");
        fake.Groups[2].Members.Add(new FakeMember("Bob"));

        var third = await harness.SyncAsync();

        Assert.True(third.Succeeded, third.Error);
        await AssertStoreEqualsJira(harness, fake);
        Assert.Equal(Second(Now.AddMinutes(90)), await harness.WatermarkAsync());
    }

    [Fact]
    public async Task ASyncKilledBetweenPages_ThenRerun_LeavesTheStoreEqualToJira()
    {
        await using var fake = await Seeded();
        using var harness = Harness(fake);

        Assert.Equal(1, await harness.CrashAfterPagesAsync(1));
        Assert.Equal(["HELP-1", "HELP-2"], (await harness.TicketsAsync()).Select(t => t.TicketId));

        fake.Change("HELP-4", Now.AddMinutes(-5), "Ann", status: "In Progress", assignee: "Ann");
        var rerun = await harness.SyncAsync();

        Assert.True(rerun.Succeeded, rerun.Error);
        await AssertStoreEqualsJira(harness, fake);
    }

    [Fact]
    public async Task AMalformedIssue_IsQuarantinedByKey_AndTheOthersAreStored()
    {
        await using var fake = await Seeded();
        fake.RawIssues["HELP-3"] = $$$"""{"id":"10003","key":"HELP-3","fields":{"created":"{{{fake.JiraInstant(Now.AddHours(-20))}}}","updated":"soon"}}""";
        using var harness = Harness(fake);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        await AssertStoreEqualsJira(harness, fake);
        Assert.Contains(await harness.QuarantineAsync(), q => q.FileName == "desk ticket HELP-3" && q.Field == "fields.updated" && q.RawValue == "soon");
    }

    [Fact]
    public async Task A401_FailsTheSync_WithOneLine_AndNoSecret()
    {
        await using var fake = await Seeded();
        fake.Api.Inject(401, body: "Client must be authenticated to access this resource.");
        using var harness = Harness(fake);

        var result = await harness.SyncAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("refused the credentials (401)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-token", result.Error, StringComparison.Ordinal);
        Assert.Null(await harness.WatermarkAsync());
    }

    [Fact]
    public async Task AnApiUserLeftOut_FailsTheSync_NamingTheSetting_BeforeAnyRequest()
    {
        await using var fake = await Seeded();
        using var harness = new ApiSyncHarness(new JiraConnector(NullLogger<JiraConnector>.Instance), fake.Api.BaseUrl, Now, s => s.Api.User = " ");

        var result = await harness.SyncAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("Api:User is required for Jira", result.Error, StringComparison.Ordinal);
        Assert.Empty(fake.Api.Requests);
    }

    /// <summary>Five issues over the last ten hours with some history, and three groups (one of them Atlassian's).</summary>
    private static async Task<JiraFake> Seeded()
    {
        var fake = await JiraFake.StartAsync(Amsterdam);
        for (var n = 1; n <= 5; n++)
        {
            fake.AddIssue("HELP-" + n, Now.AddHours(-12 + n).AddMilliseconds(250), type: n % 2 == 0 ? "[System] Incident" : "[System] Service request");
        }

        fake.Change("HELP-2", Now.AddHours(-9), "Ann", status: "In Progress", assignee: "Ann");
        fake.Change("HELP-4", Now.AddHours(-4), "Bob", team: "Network", assignee: "Cy");
        fake.Change("HELP-5", Now.AddHours(-3), "Cy", status: "Resolved", category: "done", resolve: true);
        fake.Change("HELP-5", Now.AddHours(-2).AddMilliseconds(250), "Cy", status: "Closed", category: "done");
        fake.Groups.Add(new FakeGroup("jira-servicemanagement-users-acme", "g0", [new("Ann"), new("Bob"), new("Cy")]));
        fake.Groups.Add(new FakeGroup("Service Desk", "g1", [new("Ann"), new("Bob"), new("Automation for Jira", "app")]));
        fake.Groups.Add(new FakeGroup("Network", "g2", [new("Cy")]));
        return fake;
    }

    private static ApiSyncHarness Harness(JiraFake fake) => new(new JiraConnector(NullLogger<JiraConnector>.Instance), fake.Api.BaseUrl, Now, s => s.TimeZone = fake.UserZone.Id);

    private static async Task AssertStoreEqualsJira(ApiSyncHarness harness, JiraFake fake)
    {
        Assert.Equal(JiraTruth.Tickets(fake), JiraTruth.Stored(await harness.TicketsAsync()));
        Assert.Equal(JiraTruth.Events(fake), JiraTruth.Stored(await harness.EventsAsync()));
        Assert.Equal(JiraTruth.Agents(fake), JiraTruth.StoredAgents(await harness.AgentsAsync()));
        Assert.Equal(["Network", "Service Desk"], (await harness.TeamsAsync()).Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    private static DateTimeOffset Second(DateTimeOffset t) => new(t.UtcTicks - (t.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
