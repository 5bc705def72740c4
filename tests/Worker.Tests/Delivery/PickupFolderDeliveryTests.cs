using MimeKit;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>The embedded default: mails as .eml files; a send interrupted by a crash is settled by looking for the file.</summary>
public sealed class PickupFolderDeliveryTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    private string MailFolder => _folder.File("mail");

    [Fact]
    public async Task Dispatch_WritesOneEmlPerMail_ThatAMailClientCanOpen()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        var mail = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org");
        await harness.Outbox.EnqueueAsync(mail, default);

        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));

        var file = Assert.Single(Directory.GetFiles(MailFolder, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("cio@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("weekly-workload-2026-W47-department.pdf", Assert.Single(message.Attachments).ContentDisposition!.FileName);
    }

    [Fact]
    public async Task InterruptedBeforeTheFileWasWritten_IsSentOnce()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        var mail = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org");
        await harness.Outbox.EnqueueAsync(mail, default);
        Assert.NotNull(await harness.Outbox.ClaimAsync(mail.Key, default));

        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        Assert.Single(Directory.GetFiles(MailFolder, "*.eml"));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await harness.Outbox.GetAsync(null, default)).Status);
    }

    [Fact]
    public async Task InterruptedAfterTheFileWasWritten_IsRecordedAsSentWithoutWritingItAgain()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        var mail = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org");
        await harness.Outbox.EnqueueAsync(mail, default);
        var message = await harness.Outbox.ClaimAsync(mail.Key, default);
        await using (var session = await harness.Transport.OpenAsync(default))
        {
            await session.SendAsync(message!, mail.Key, default);
        }

        var written = File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(MailFolder, "*.eml")));
        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        Assert.Equal(written, File.GetLastWriteTimeUtc(Assert.Single(Directory.GetFiles(MailFolder, "*.eml"))));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await harness.Outbox.GetAsync(null, default)).Status);
        Assert.Equal("sent (found after an interrupted send)", Assert.Single(await harness.Outbox.GetLogAsync(default)).Result);
    }

    [Fact]
    public async Task StillSendingWithinTheLease_IsLeftToTheWorkerSendingIt()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        var mail = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org");
        await harness.Outbox.EnqueueAsync(mail, default);
        await harness.Outbox.ClaimAsync(mail.Key, default);

        harness.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        Assert.Empty(Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : []);
        Assert.Equal(OutboxStatus.Sending, Assert.Single(await harness.Outbox.GetAsync(null, default)).Status);
    }

    public void Dispose() => _folder.Dispose();
}
