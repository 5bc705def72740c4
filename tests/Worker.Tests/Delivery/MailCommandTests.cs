using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>
/// The <c>mail</c> command on a real worker's outbox, run as the operator runs it (a child process): it lists
/// an unconfirmed mail and sends it again on purpose, once; failed mails go out after the setting is fixed.
/// </summary>
public sealed class MailCommandTests : IAsyncLifetime, IDisposable
{
    private const string Cio = "cio@example.org";
    private readonly TempDirectory _folder = new();
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync() =>
        _smtp = await SmtpSink.StartAsync(_folder.File("smtp"), faults: new SmtpSinkFaults { HoldBeforeStoring = true });

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, _smtp.Port);
        settings["Delivery:Smtp:Timeout"] = "00:00:10";
        settings["Delivery:PollInterval"] = "00:00:00.2";
        settings["Delivery:SendingLease"] = "00:00:00.5";
        return settings;
    }

    private static Dictionary<string, string> Environment(Dictionary<string, string?> settings) =>
        settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);

    private async Task<(int Exit, string Output)> MailAsync(Dictionary<string, string?> settings, params string[] args)
    {
        await using var command = WorkerProcess.Start(_folder.Path, Environment(settings), ["mail", .. args]);
        var exit = await command.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return (exit, command.Output);
    }

    [Fact]
    public async Task SendKilledBeforeTheServerStoredIt_IsListedUnconfirmed_AndResendDeliversItExactlyOnce()
    {
        var settings = Settings();
        string id;
        using (var harness = new DeliveryHarness(settings))
        {
            await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, Cio), default);
            id = Assert.Single(await harness.Outbox.GetAsync(null, default)).Id;
        }

        // The server sits on its answer to RCPT TO, before any of the message exists there: the worker is killed then.
        await File.WriteAllTextAsync(_smtp.HoldFile, "hold");
        await using (var worker = WorkerProcess.Start(_folder.Path, Environment(settings)))
        {
            await OutboxStore.WaitForAsync(() => _smtp.Connections > 0 && OutboxStore.Row(_folder.Path, Cio).Status == OutboxStatus.Sending, TimeSpan.FromSeconds(30), () => worker.Output);
            await Task.Delay(300);
            worker.Kill();
        }

        File.Delete(_smtp.HoldFile);
        Assert.Empty(_smtp.Messages());

        // The restarted worker finds it past the lease; SMTP cannot say whether it arrived, so it is not sent again.
        await using (var restarted = WorkerProcess.Start(_folder.Path, Environment(settings)))
        {
            await OutboxStore.WaitForAsync(() => OutboxStore.Row(_folder.Path, Cio).Status == OutboxStatus.Unconfirmed, TimeSpan.FromSeconds(30), () => restarted.Output);
            await Task.Delay(500);
        }

        Assert.Empty(_smtp.Messages());
        var (exit, list) = await MailAsync(settings, "list");
        Assert.True(exit == 0, list);
        var row = Assert.Single(list.Split('\n'), l => l.Contains(id, StringComparison.Ordinal) && l.Contains("unconfirmed", StringComparison.Ordinal));
        Assert.Contains(Cio, row, StringComparison.Ordinal);
        Assert.Contains("weekly-workload 2026-W47 department", row, StringComparison.Ordinal);
        Assert.Contains($"'mail resend {id}'", list, StringComparison.Ordinal);
        var (_, sentOnly) = await MailAsync(settings, "list", "--state", "sent");
        Assert.DoesNotContain(id, sentOnly, StringComparison.Ordinal);

        var (resendExit, resend) = await MailAsync(settings, "resend", id);
        Assert.True(resendExit == 0, resend);
        Assert.Equal((OutboxStatus.Pending, 0), (OutboxStore.Row(_folder.Path, Cio).Status, OutboxStore.Row(_folder.Path, Cio).Attempts));

        await using (var worker = WorkerProcess.Start(_folder.Path, Environment(settings)))
        {
            await OutboxStore.WaitForAsync(() => OutboxStore.Row(_folder.Path, Cio).Status == OutboxStatus.Sent, TimeSpan.FromSeconds(30), () => worker.Output);
            await Task.Delay(1000);
        }

        Assert.Equal(Cio, Assert.Single(Assert.Single(_smtp.Messages()).RcptTo));
        Assert.Equal([OutboxStatus.Unconfirmed, "requeued", OutboxStatus.Sent], OutboxStore.LogResults(_folder.Path, Cio));

        // A sent mail is not sent twice by accident.
        var (again, refused) = await MailAsync(settings, "resend", id);
        Assert.Equal(Worker.Cli.MailCommand.Refused, again);
        Assert.Contains("is sent", refused, StringComparison.Ordinal);
        Assert.Single(_smtp.Messages());
    }

    [Fact]
    public async Task MailsFailedByABadSetting_ResendFailedAfterTheFix_DeliversEachOnce()
    {
        var wrong = Settings();
        wrong.Remove("Delivery:Smtp:Security"); // StartTls, which this relay does not offer
        using (var harness = new DeliveryHarness(wrong))
        {
            foreach (var recipient in (string[])[Cio, "hr-lead@example.org"])
            {
                await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, recipient), default);
            }

            await harness.Dispatcher.DispatchAsync(default);
        }

        var (listExit, failed) = await MailAsync(wrong, "list", "--state", "failed");
        Assert.True(listExit == 0, failed);
        Assert.Equal(2, failed.Split('\n').Count(l => l.Contains("does not offer STARTTLS", StringComparison.Ordinal)));

        var fixedSettings = Settings(); // Security None
        var (exit, output) = await MailAsync(fixedSettings, "resend", "--failed");
        Assert.True(exit == 0, output);
        Assert.Contains("2 mails queued", output, StringComparison.Ordinal);

        using (var harness = new DeliveryHarness(fixedSettings))
        {
            harness.Clock.SetUtcNow(TimeProvider.System.GetUtcNow().AddSeconds(1)); // past the CLI's real clock, which queued them
            Assert.Equal(2, await harness.Dispatcher.DispatchAsync(default));
            Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));
        }

        Assert.Equal([Cio, "hr-lead@example.org"], _smtp.Messages().Select(m => Assert.Single(m.RcptTo)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resend_WithAnUnknownId_SaysSoAndQueuesNothing()
    {
        var settings = Settings();
        using (var harness = new DeliveryHarness(settings))
        {
            await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, Cio), default);
        }

        var (exit, output) = await MailAsync(settings, "resend", "0000000000");

        Assert.Equal(Worker.Cli.MailCommand.Refused, exit);
        Assert.Contains("no mail with id '0000000000'", output, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Pending, OutboxStore.Row(_folder.Path, Cio).Status);
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    public void Dispose() => _folder.Dispose();
}
