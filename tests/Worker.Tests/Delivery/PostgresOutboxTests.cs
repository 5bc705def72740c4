using Analytics.Tests.Support;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>The outbox and delivery log on a PostgreSQL store, as a cluster of workers uses them.</summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class PostgresOutboxTests(PostgresServer server) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private string _database = null!;

    public async Task InitializeAsync() => _database = await server.CreateDatabaseAsync("outbox");

    [Fact]
    public async Task Outbox_OnPostgres_QueuesOncePerKey_SettlesAnInterruptedSend_AndLogsEveryAttempt()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Store:Provider"] = "Postgres";
        settings["Store:ConnectionString"] = server.ConnectionString(_database);
        using var harness = new DeliveryHarness(settings);
        var first = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.ForTeam("Network"), "bram@example.org");
        var second = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org");

        Assert.True(await harness.Outbox.EnqueueAsync(first, default));
        Assert.False(await harness.Outbox.EnqueueAsync(first, default));
        Assert.True(await harness.Outbox.EnqueueAsync(second, default));
        Assert.NotNull(await harness.Outbox.ClaimAsync(first.Key, default));
        Assert.Null(await harness.Outbox.ClaimAsync(first.Key, default));

        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));
        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));

        Assert.Equal(2, Directory.GetFiles(_folder.File("mail"), "*.eml").Length);
        Assert.All(await harness.Outbox.GetAsync(null, default), e => Assert.Equal(OutboxStatus.Sent, e.Status));
        var log = await harness.Outbox.GetLogAsync(default);
        Assert.Equal(
            [("cio@example.org", "sent", 1), ("bram@example.org", "retry", 1), ("bram@example.org", "sent", 2)],
            log.Select(l => (l.Key.Recipient, l.Result, l.Attempt)).ToList());
    }

    [Fact]
    public async Task MailFailedByASetting_OnPostgres_IsFailedOnce_AndRequeuedOnlyFromFailed()
    {
        await using var relay = await SmtpSink.StartAsync(_folder.File("smtp")); // offers no STARTTLS
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, relay.Port);
        settings.Remove("Delivery:Smtp:Security");
        settings["Store:Provider"] = "Postgres";
        settings["Store:ConnectionString"] = server.ConnectionString(_database);
        using var harness = new DeliveryHarness(settings);
        await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org"), default);

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        var failed = Assert.Single(await harness.Outbox.GetAsync(OutboxStatus.Failed, default));
        Assert.Equal(1, failed.Attempts);
        Assert.True(await harness.Outbox.RequeueAsync(failed, default));
        Assert.False(await harness.Outbox.RequeueAsync(failed, default));
        var queued = Assert.Single(await harness.Outbox.GetAsync(null, default));
        Assert.Equal((OutboxStatus.Pending, 0, null), (queued.Status, queued.Attempts, queued.LastError));
        Assert.Equal(["failed", "requeued"], (await harness.Outbox.GetLogAsync(default)).Select(l => l.Result));
    }

    public async Task DisposeAsync() => await server.DropDatabaseAsync(_database);

    public void Dispose() => _folder.Dispose();
}
