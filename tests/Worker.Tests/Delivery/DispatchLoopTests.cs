using System.Text.RegularExpressions;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>
/// The running worker's dispatch loop (a real worker process, polling every 0.1 s) against a mail server it cannot
/// use: the mails end in a state, the loop does not spin, and the log says it once, without stack traces.
/// </summary>
public sealed partial class DispatchLoopTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] Recipients = ["cio@example.org", "hr-lead@example.org", "desk-lead@example.org"];
    private readonly TempDirectory _folder = new();
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpSink.StartAsync(_folder.File("smtp"));

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, _smtp.Port);
        settings["Delivery:Smtp:Timeout"] = "00:00:10";
        settings["Delivery:PollInterval"] = "00:00:00.1";
        return settings;
    }

    private static async Task EnqueueAsync(Dictionary<string, string?> settings)
    {
        using var harness = new DeliveryHarness(settings);
        foreach (var recipient in Recipients)
        {
            await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, recipient), default);
        }
    }

    private static WorkerProcess Start(string folder, Dictionary<string, string?> settings) =>
        WorkerProcess.Start(folder, settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!));

    [Fact]
    public async Task DefaultStartTls_AgainstARelayWithoutIt_FailsTheMailsOnce_WithOneLogLineAndNoStackTrace()
    {
        var settings = Settings();
        settings.Remove("Delivery:Smtp:Security"); // the default, StartTls
        await EnqueueAsync(settings);

        string output;
        await using (var worker = Start(_folder.Path, settings))
        {
            await OutboxStore.WaitForAsync(() => OutboxStore.Row(_folder.Path, Recipients[0]).Attempts > 0, TimeSpan.FromSeconds(30), () => worker.Output);
            await Task.Delay(TimeSpan.FromSeconds(3)); // thirty poll intervals
            output = worker.Output;
        }

        Assert.All(Recipients, r => Assert.Equal(OutboxStatus.Failed, OutboxStore.Row(_folder.Path, r).Status));
        Assert.All(Recipients, r => Assert.Equal(1, OutboxStore.Row(_folder.Path, r).Attempts));
        Assert.All(Recipients, r => Assert.Equal([OutboxStatus.Failed], OutboxStore.LogResults(_folder.Path, r)));
        Assert.Equal(1, _smtp.Connections);
        Assert.Single(output.Split('\n'), l => l.Contains("STARTTLS", StringComparison.Ordinal));
        Assert.DoesNotMatch(StackFrame(), output);
    }

    [Fact]
    public async Task ServerDown_TheLoopBacksOffBetweenPolls_WarnsOnce_ThenDeliversEachMailOnceItIsBack()
    {
        var settings = Settings();
        settings["Delivery:Smtp:Security"] = "None";
        settings["Delivery:RetryDelay"] = "00:00:00"; // every mail is due at every pass: only the loop's own backoff spaces them
        settings["Delivery:MaxRetryDelay"] = "00:00:01";
        await EnqueueAsync(settings);
        await _smtp.StopAsync();

        await using var worker = Start(_folder.Path, settings);
        await OutboxStore.WaitForAsync(() => OutboxStore.Row(_folder.Path, Recipients[0]).Attempts > 0, TimeSpan.FromSeconds(30), () => worker.Output);
        var first = OutboxStore.Row(_folder.Path, Recipients[0]).Attempts;
        await Task.Delay(TimeSpan.FromSeconds(3));
        var passes = OutboxStore.Row(_folder.Path, Recipients[0]).Attempts - first;

        // Polling every 0.1 s would be about 30 passes; backing off 0.2, 0.4, 0.8, then 1 s it is about 5.
        Assert.InRange(passes, 2, 7);
        Assert.All(Recipients, r => Assert.Equal(OutboxStatus.Pending, OutboxStore.Row(_folder.Path, r).Status));
        Assert.Single(worker.Output.Split('\n'), l => l.Contains("refused the connection", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotMatch(StackFrame(), worker.Output);

        await _smtp.StartAsync();
        Assert.Equal(3, await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(15)));
        await OutboxStore.WaitForAsync(() => Recipients.All(r => OutboxStore.Row(_folder.Path, r).Status == OutboxStatus.Sent), TimeSpan.FromSeconds(10), () => worker.Output);
        await Task.Delay(500);
        Assert.Equal(Recipients.Order(StringComparer.Ordinal), _smtp.Messages().Select(m => Assert.Single(m.RcptTo)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task StoreFailingEveryPass_IsLoggedOnceWithItsStack_NotEveryPoll()
    {
        var settings = Settings();
        settings["Delivery:Smtp:Security"] = "None";
        await EnqueueAsync(settings);
        await using var worker = Start(_folder.Path, settings);
        Assert.Equal(3, await _smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(30))); // the loop runs

        // The outbox table disappears under the running worker (a restore gone wrong): every pass fails in the store.
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_folder.File("analytics.db")};Pooling=False"))
        {
            connection.Open();
            using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE outbox";
            drop.ExecuteNonQuery();
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // thirty poll intervals
        var output = worker.Output;
        Assert.Single(output.Split('\n'), l => l.Contains("Outbox dispatch failed", StringComparison.Ordinal));
        Assert.InRange(StackFrame().Matches(output).Count(m => m.Value.Contains("Worker.Delivery.OutboxDispatchService.ExecuteAsync", StringComparison.Ordinal)), 1, 1);
    }

    [GeneratedRegex(@"^\s+at \S+\(.*$", RegexOptions.Multiline)]
    private static partial Regex StackFrame();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    public void Dispose() => _folder.Dispose();
}
