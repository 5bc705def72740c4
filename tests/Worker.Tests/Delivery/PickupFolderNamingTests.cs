using System.Text;
using MimeKit;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>
/// The pickup folder names each .eml after its whole outbox key: two teams whose names read alike, with the
/// same manager, get two files, and the check after an interrupted send finds only the mail's own file.
/// </summary>
public sealed class PickupFolderNamingTests : IDisposable
{
    private const string Manager = "shared.manager@example.org";

    private readonly TempDirectory _folder = new();

    private string MailFolder => _folder.File("mail");

    [Fact]
    public async Task TwoCyrillicTeamsWithOneManager_GetTwoMails()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        var desk = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.ForTeamManagers("Служба поддержки"), Manager);
        var network = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.ForTeamManagers("Отдел разработки"), Manager);
        Assert.True(await harness.Outbox.EnqueueAsync(desk, default));
        Assert.True(await harness.Outbox.EnqueueAsync(network, default));

        Assert.Equal(2, await harness.Dispatcher.DispatchAsync(default));

        var files = Directory.GetFiles(MailFolder, "*.eml");
        Assert.Equal(2, files.Length);
        var subjects = new List<string>();
        foreach (var file in files)
        {
            using var message = await MimeMessage.LoadAsync(file);
            subjects.Add(message.Subject ?? string.Empty);
        }

        Assert.Equal(["Weekly workload 2026-W47: Отдел разработки", "Weekly workload 2026-W47: Служба поддержки"], subjects.Order(StringComparer.Ordinal));
        Assert.Contains(files, f => Path.GetFileName(f).Contains("служба-поддержки", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InterruptedSendsOfTwoLookAlikeKeys_EachFindsOnlyItsOwnFile()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        var delivered = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.ForTeamManagers("Служба поддержки"), Manager);
        var lost = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.ForTeamManagers("Отдел разработки"), Manager);
        await harness.Outbox.EnqueueAsync(delivered, default);
        await harness.Outbox.EnqueueAsync(lost, default);

        // A worker claimed both and was killed after writing the first file only.
        var message = await harness.Outbox.ClaimAsync(delivered.Key, default);
        Assert.NotNull(await harness.Outbox.ClaimAsync(lost.Key, default));
        await using (var session = await harness.Transport.OpenAsync(default))
        {
            await session.SendAsync(message!, delivered.Key, default);
        }

        Assert.True(harness.Transport.WasDelivered(delivered.Key, string.Empty));
        Assert.False(harness.Transport.WasDelivered(lost.Key, string.Empty));

        // After the lease: the first is recorded as sent from its file, the second is sent again, not taken as sent.
        harness.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));

        Assert.Equal(2, Directory.GetFiles(MailFolder, "*.eml").Length);
        Assert.Single(await harness.Outbox.GetLogAsync(default), l => l.Result == "sent (found after an interrupted send)");
        Assert.All(await harness.Outbox.GetAsync(null, default), e => Assert.Equal(OutboxStatus.Sent, e.Status));
    }

    [Theory]
    [InlineData("team:a/b", "team:ab")]
    [InlineData("team:IT", "team:it")]
    [InlineData("team:..", "team:.")]
    [InlineData("team:Служба", "team:Сетевая")]
    public void LookAlikeScopes_GetDifferentFiles(string one, string other)
    {
        var a = PickupFileName.For(new OutboxKey("weekly-workload", "2026-W47", one, Manager));
        var b = PickupFileName.For(new OutboxKey("weekly-workload", "2026-W47", other, Manager));

        Assert.NotEqual(a, b, StringComparer.OrdinalIgnoreCase);
        Assert.Equal(a, PickupFileName.For(new OutboxKey("weekly-workload", "2026-W47", one, Manager.ToUpperInvariant())));
    }

    [Fact]
    public async Task LongAndHostileScope_IsWrittenUnderABoundedNameInsideTheFolder()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        var scope = string.Concat(Enumerable.Repeat("Инфраструктура/../..\\:\u202E\u0000 ", 30));
        var mail = DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.ForTeamManagers(scope), "very.long.name." + new string('m', 200) + "@example.org");
        await harness.Outbox.EnqueueAsync(mail, default);

        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));

        var entry = Assert.Single(Directory.GetFileSystemEntries(_folder.Path, "*", SearchOption.AllDirectories), e => e.EndsWith(".eml", StringComparison.Ordinal));
        Assert.Equal(MailFolder, Path.GetDirectoryName(entry));
        Assert.InRange(Encoding.UTF8.GetByteCount(Path.GetFileName(entry)), 20, 160);
        Assert.DoesNotContain(Directory.GetFiles(MailFolder), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    public void Dispose() => _folder.Dispose();
}
