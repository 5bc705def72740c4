using Microsoft.Data.Sqlite;
using MimeKit;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>Delivery through a real SMTP server on loopback (aiosmtpd), with authentication.</summary>
public sealed class SmtpDeliveryTests : IAsyncLifetime, IDisposable
{
    private const string User = "worker";
    private const string Password = "s3cret";
    private readonly TempDirectory _folder = new();
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpSink.StartAsync(_folder.File("smtp"), User, Password);

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, _smtp.Port);
        settings["Delivery:Smtp:UserName"] = User;
        settings["Delivery:Smtp:Password"] = Password;
        settings["Delivery:Smtp:Timeout"] = "00:00:10";
        settings["Delivery:From"] = "Workload monitor <workload@it.example.org>";
        settings["Delivery:RetryDelay"] = "00:01:00";
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        settings["Delivery:Department:Recipients:1"] = "Hanna de Vries <hr-lead@example.org>";
        settings["Delivery:Teams:Service Desk:Managers:0"] = "anna@example.org";
        settings["Delivery:Teams:Service Desk:Recipients:0"] = "desk-lead@example.org";
        settings["Delivery:Teams:Network:Managers:0"] = "bram@example.org";
        return settings;
    }

    [Fact]
    public async Task WeeklyReports_GoToTheirAudiences_WithThePdfAttachedAndTheChartInline()
    {
        using var harness = new DeliveryHarness(Settings());
        ReportAudience[] audiences =
        [
            ReportAudience.Department,
            ReportAudience.ForTeam("Service Desk"),
            ReportAudience.ForTeamManagers("Service Desk"),
            ReportAudience.ForTeam("Network"),
            ReportAudience.ForTeamManagers("Network"),
        ];
        foreach (var audience in audiences)
        {
            foreach (var recipient in harness.Recipients.RecipientsFor(audience))
            {
                Assert.True(await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", audience, recipient), default));
            }
        }

        var sent = await harness.Dispatcher.DispatchAsync(default);

        var received = _smtp.Messages();
        Assert.Equal(7, sent);
        var delivered = received
            .Select(m => (To: Assert.Single(m.RcptTo), File: m.Message.Attachments.OfType<MimePart>().Single().FileName))
            .OrderBy(m => m.To, StringComparer.Ordinal)
            .ThenBy(m => m.File, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                ("anna@example.org", "weekly-workload-2026-W47-team-managers_service_desk.pdf"),
                ("anna@example.org", "weekly-workload-2026-W47-team_service_desk.pdf"),
                ("bram@example.org", "weekly-workload-2026-W47-team-managers_network.pdf"),
                ("bram@example.org", "weekly-workload-2026-W47-team_network.pdf"),
                ("cio@example.org", "weekly-workload-2026-W47-department.pdf"),
                ("desk-lead@example.org", "weekly-workload-2026-W47-team_service_desk.pdf"),
                ("hr-lead@example.org", "weekly-workload-2026-W47-department.pdf"),
            ],
            delivered);

        foreach (var (_, message) in received)
        {
            var pdf = Assert.IsType<MimePart>(Assert.Single(message.Attachments));
            Assert.Equal("application/pdf", pdf.ContentType.MimeType);
            using var content = new MemoryStream();
            await pdf.Content!.DecodeToAsync(content);
            Assert.StartsWith("%PDF-1.7", System.Text.Encoding.ASCII.GetString(content.ToArray()), StringComparison.Ordinal);

            var image = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == "flow-chart");
            Assert.Equal("image/png", image.ContentType.MimeType);
            Assert.Contains("cid:flow-chart", message.HtmlBody!, StringComparison.Ordinal);
            Assert.EndsWith("@it.example.org", message.MessageId!, StringComparison.Ordinal);
            Assert.Equal("workload@it.example.org", message.From.Mailboxes.Single().Address);
        }
    }

    [Fact]
    public async Task Enqueue_SameReportPeriodScopeAndRecipientTwice_SendsOneMail()
    {
        using var harness = new DeliveryHarness(Settings());
        var mail = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org");

        Assert.True(await harness.Outbox.EnqueueAsync(mail, default));
        Assert.False(await harness.Outbox.EnqueueAsync(mail with { Subject = "rerun" }, default));
        await harness.Dispatcher.DispatchAsync(default);
        Assert.False(await harness.Outbox.EnqueueAsync(mail, default));
        await harness.Dispatcher.DispatchAsync(default);

        var message = Assert.Single(_smtp.Messages()).Message;
        Assert.Equal(mail.Subject, message.Subject);
    }

    [Fact]
    public async Task SmtpServerDown_MailGoesOutOnceItIsBack_ExactlyOncePerRecipient()
    {
        using var harness = new DeliveryHarness(Settings());
        await _smtp.StopAsync();
        foreach (var recipient in harness.Recipients.RecipientsFor(ReportAudience.Department))
        {
            await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, recipient), default);
        }

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));
        var waiting = await harness.Outbox.GetAsync(null, default);
        Assert.All(waiting, e => Assert.Equal((OutboxStatus.Pending, 1), (e.Status, e.Attempts)));
        Assert.All(waiting, e => Assert.Equal(harness.Clock.GetUtcNow().AddMinutes(1), e.NextAttemptAt));

        await _smtp.StartAsync();
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));
        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(2, await harness.Dispatcher.DispatchAsync(default));
        harness.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        var recipients = _smtp.Messages().Select(m => Assert.Single(m.RcptTo)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cio@example.org", "hr-lead@example.org"], recipients);
        var log = await harness.Outbox.GetLogAsync(default);
        Assert.Equal(
            ["retry", "retry", "sent", "sent"],
            log.Select(l => l.Result).Order(StringComparer.Ordinal).ToList());
        Assert.All(await harness.Outbox.GetAsync(null, default), e => Assert.Equal((OutboxStatus.Sent, 2), (e.Status, e.Attempts)));
    }

    [Fact]
    public async Task WorkerKilledBetweenSendingAndRecording_DoesNotSendTheMailAgainOnRestart()
    {
        var settings = Settings();
        using (var harness = new DeliveryHarness(settings))
        {
            await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org"), default);
        }

        // The server takes the message and then sits on its "250 accepted": the worker is killed in that window.
        await File.WriteAllTextAsync(_smtp.HoldFile, "hold");
        var environment = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        environment["Delivery:SendingLease"] = "00:00:00.5";
        await using (var worker = WorkerProcess.Start(_folder.Path, environment))
        {
            Assert.Equal(1, await _smtp.WaitForMessagesAsync(1, TimeSpan.FromSeconds(30)));
            worker.Kill();
        }

        File.Delete(_smtp.HoldFile);
        Assert.Equal(OutboxStatus.Sending, Status("cio@example.org"));

        // A second report is queued while the worker is down; the restarted worker sends it and leaves the first alone.
        using (var harness = new DeliveryHarness(settings))
        {
            await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "hr-lead@example.org"), default);
        }

        await Task.Delay(600);
        await using (var restarted = WorkerProcess.Start(_folder.Path, environment))
        {
            Assert.Equal(2, await _smtp.WaitForMessagesAsync(2, TimeSpan.FromSeconds(30)));
            await WaitForAsync(() => Status("cio@example.org") == OutboxStatus.Unconfirmed, TimeSpan.FromSeconds(10));
            await Task.Delay(500);
        }

        var recipients = _smtp.Messages().Select(m => Assert.Single(m.RcptTo)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["cio@example.org", "hr-lead@example.org"], recipients);
        Assert.Equal(OutboxStatus.Sent, Status("hr-lead@example.org"));
    }

    private string Status(string recipient)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("analytics.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT status FROM outbox WHERE recipient = $recipient";
        command.Parameters.AddWithValue("$recipient", recipient);
        return (string)command.ExecuteScalar()!;
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < timeout, $"Condition not met within {timeout}.");
            await Task.Delay(50);
        }
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    public void Dispose() => _folder.Dispose();
}
