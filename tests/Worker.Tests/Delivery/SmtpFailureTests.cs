using Microsoft.Extensions.Logging;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>
/// Common SMTP mistakes against a real server on loopback: each failure is classified - a setting that cannot
/// work fails the mails at once with the setting to change, a temporary refusal is retried after the backoff -
/// and none of them leaves the outbox stuck or the log full of stack traces.
/// </summary>
public sealed class SmtpFailureTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private readonly List<SmtpSink> _sinks = [];

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<SmtpSink> SinkAsync(string? user = null, string? password = null, SmtpSinkFaults? faults = null)
    {
        var sink = await SmtpSink.StartAsync(_folder.File("smtp" + _sinks.Count), user, password, faults: faults);
        _sinks.Add(sink);
        return sink;
    }

    private Dictionary<string, string?> Settings(SmtpSink sink, string security)
    {
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, sink.Port, security);
        settings["Delivery:Smtp:Timeout"] = "00:00:10";
        settings["Delivery:RetryDelay"] = "00:01:00";
        return settings;
    }

    private static async Task EnqueueTwoAsync(DeliveryHarness harness)
    {
        foreach (var recipient in (string[])["cio@example.org", "hr-lead@example.org"])
        {
            await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, recipient), default);
        }
    }

    [Fact]
    public async Task DefaultStartTls_AgainstARelayWithoutStartTls_FailsTheMailsWithTheSettingToChange()
    {
        var relay = await SinkAsync();
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, relay.Port);
        settings.Remove("Delivery:Smtp:Security"); // the default, StartTls
        using var harness = new DeliveryHarness(settings);
        await EnqueueTwoAsync(harness);

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        var entries = await harness.Outbox.GetAsync(null, default);
        Assert.All(entries, e => Assert.Equal((OutboxStatus.Failed, 1), (e.Status, e.Attempts)));
        Assert.All(entries, e => Assert.Contains("does not offer STARTTLS", e.LastError, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Contains("Delivery:Smtp:Security", e.LastError, StringComparison.Ordinal));
        Assert.Equal(["failed", "failed"], (await harness.Outbox.GetLogAsync(default)).Select(l => l.Result));
        Assert.Empty(relay.Messages());
        AssertOneReadableLine(harness, "STARTTLS");
    }

    [Fact]
    public async Task UserName_AgainstAServerWithoutAuth_FailsTheMailsSayingToRemoveIt()
    {
        var relay = await SinkAsync();
        var settings = Settings(relay, "None");
        settings["Delivery:Smtp:UserName"] = "worker";
        settings["Delivery:Smtp:Password"] = "s3cret";
        using var harness = new DeliveryHarness(settings);
        await EnqueueTwoAsync(harness);

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        var entries = await harness.Outbox.GetAsync(null, default);
        Assert.All(entries, e => Assert.Equal((OutboxStatus.Failed, 1), (e.Status, e.Attempts)));
        Assert.All(entries, e => Assert.Contains("does not offer authentication", e.LastError, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Contains("Delivery:Smtp:UserName", e.LastError, StringComparison.Ordinal));
        AssertOneReadableLine(harness, "authentication");
    }

    [Fact]
    public async Task WrongPassword_535_FailsTheMailsAsRejectedCredentials_NotAsUnreachable()
    {
        var server = await SinkAsync("worker", "s3cret");
        var settings = Settings(server, "None");
        settings["Delivery:Smtp:UserName"] = "worker";
        settings["Delivery:Smtp:Password"] = "wrong";
        using var harness = new DeliveryHarness(settings);
        await EnqueueTwoAsync(harness);

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        var entries = await harness.Outbox.GetAsync(null, default);
        Assert.All(entries, e => Assert.Contains("rejected the user name or password (535)", e.LastError, StringComparison.Ordinal));
        Assert.All(entries, e => Assert.Equal((OutboxStatus.Failed, 1), (e.Status, e.Attempts)));
        Assert.DoesNotContain(harness.Log.Entries, e => e.Message.Contains("unreachable", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("wrong", string.Join('\n', harness.Log.Entries.Select(e => e.Message)), StringComparison.Ordinal);
        AssertOneReadableLine(harness, "535");
    }

    [Fact]
    public async Task SslOnConnect_AgainstAPlainServer_FailsTheMailsWithTheSettingToChange()
    {
        var relay = await SinkAsync();
        using var harness = new DeliveryHarness(Settings(relay, "SslOnConnect"));
        await EnqueueTwoAsync(harness);

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        var entries = await harness.Outbox.GetAsync(null, default);
        Assert.All(entries, e => Assert.Equal((OutboxStatus.Failed, 1), (e.Status, e.Attempts)));
        Assert.All(entries, e => Assert.Contains("Delivery:Smtp:Security", e.LastError, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TemporaryRefusal_451_IsRetriedAfterTheBackoff_ThenDeliveredOnce()
    {
        var server = await SinkAsync(faults: new SmtpSinkFaults { TransientFailures = 1 });
        using var harness = new DeliveryHarness(Settings(server, "None"));
        await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org"), default);

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));
        var waiting = Assert.Single(await harness.Outbox.GetAsync(null, default));
        Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Equal(harness.Clock.GetUtcNow().AddMinutes(1), waiting.NextAttemptAt);
        Assert.Contains("451", waiting.LastError, StringComparison.Ordinal);

        harness.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));
        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        Assert.Single(server.Messages());
        var sent = Assert.Single(await harness.Outbox.GetAsync(null, default));
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
        Assert.Equal(["retry", "sent"], (await harness.Outbox.GetLogAsync(default)).Select(l => l.Result));
    }

    [Fact]
    public async Task ServerDown_ForManyPasses_WarnsOncePerOutage_AndSaysWhenItIsBack()
    {
        var server = await SinkAsync();
        await server.StopAsync();
        var settings = Settings(server, "None");
        settings["Delivery:RetryDelay"] = "00:00:00";
        settings["Logging:LogLevel:Default"] = "Information";
        using var harness = new DeliveryHarness(settings);
        await EnqueueTwoAsync(harness);

        for (var pass = 0; pass < 5; pass++)
        {
            Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));
        }

        Assert.All(await harness.Outbox.GetAsync(null, default), e => Assert.Equal((OutboxStatus.Pending, 5), (e.Status, e.Attempts)));
        var warning = Assert.Single(harness.Log.Warnings);
        Assert.Contains("refused the connection", warning, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Log.Entries, e => e.Exception is not null);

        await server.StartAsync();
        Assert.Equal(2, await harness.Dispatcher.DispatchAsync(default));
        Assert.Contains(harness.Log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("goes out again", StringComparison.Ordinal));
    }

    /// <summary>One warning or error names the cause, whatever the number of mails; no stack trace.</summary>
    private static void AssertOneReadableLine(DeliveryHarness harness, string cause)
    {
        var line = Assert.Single(harness.Log.Warnings);
        Assert.Contains(cause, line, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Log.Entries, e => e.Exception is not null);
    }

    public async Task DisposeAsync()
    {
        foreach (var sink in _sinks)
        {
            await sink.DisposeAsync();
        }
    }

    public void Dispose() => _folder.Dispose();
}
