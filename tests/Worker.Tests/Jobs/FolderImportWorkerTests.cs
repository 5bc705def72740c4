using Worker.Tests.Support;

namespace Worker.Tests.Jobs;

/// <summary>
/// The watched folder in a running worker process: files dropped while it runs, written slowly, damaged, dropped
/// twice; and a worker that died between an import and its move. Synthetic TOPdesk exports, a real SQLite store.
/// </summary>
public sealed class FolderImportWorkerTests(FolderImportWorker worker) : IClassFixture<FolderImportWorker>
{
    [Fact]
    public async Task FileDroppedWhileTheWorkerRuns_IsImportedOnce_AndLandsInDoneWithItsSummary()
    {
        var inbox = worker.Inbox("drop");
        var export = FolderImportWorker.Export("drop");
        await File.WriteAllTextAsync(Path.Combine(inbox, "export.csv"), export);
        // Ignored whatever happens: hidden, a lock file, a download in progress.
        await File.WriteAllTextAsync(Path.Combine(inbox, ".export.csv"), export);
        await File.WriteAllTextAsync(Path.Combine(inbox, "~$export.csv"), export);
        await File.WriteAllTextAsync(Path.Combine(inbox, "export.csv.part"), export);

        var summary = Path.Combine(inbox, "done", "export.csv.summary.txt");
        await FolderImportWorker.EventuallyAsync(() => File.Exists(summary) && File.Exists(Path.Combine(inbox, "done", "export.csv")), worker.Worker, "export.csv in done/");

        // A few more looks: still one import.
        await Task.Delay(FolderImportWorker.SettleTime * 1.5);
        Assert.Equal(1, worker.Runs("export.csv"));
        Assert.Equal(2, worker.Tickets("drop"));
        Assert.False(File.Exists(Path.Combine(inbox, "export.csv")));
        var text = await File.ReadAllTextAsync(summary);
        Assert.Contains("Rows read:    3", text, StringComparison.Ordinal);
        Assert.Contains("Stored:       2 (2 new, 0 updated, 0 unchanged)", text, StringComparison.Ordinal);
        Assert.Contains("export.csv:4: field 'Call date'", text, StringComparison.Ordinal);
        Assert.All([".export.csv", "~$export.csv", "export.csv.part"], name => Assert.True(File.Exists(Path.Combine(inbox, name)), name));
    }

    [Fact]
    public async Task FileWrittenInTwoPartsWithAPauseShorterThanTheSettleTime_IsImportedWhole()
    {
        var inbox = worker.Inbox("slow");
        var export = FolderImportWorker.Export("slow");
        var path = Path.Combine(inbox, "slow.csv");
        var split = export.IndexOf("slow 002", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, export[..split]);

        // Longer than a look (every second), shorter than the settle time (three seconds).
        await Task.Delay(TimeSpan.FromSeconds(1.8));
        Assert.True(File.Exists(path), $"slow.csv was taken after its first part. Worker output:\n{worker.Worker.Output}");
        await File.AppendAllTextAsync(path, export[split..]);

        await FolderImportWorker.EventuallyAsync(() => File.Exists(Path.Combine(inbox, "done", "slow.csv.summary.txt")), worker.Worker, "slow.csv in done/");
        Assert.Equal(1, worker.Runs("slow.csv"));
        Assert.Equal(3, FolderImportWorker.Scalar(worker.Root, "SELECT rows_read FROM import_runs WHERE file_name = 'slow.csv'"));
        Assert.Equal(2, worker.Tickets("slow"));
        Assert.Equal(export, await File.ReadAllTextAsync(Path.Combine(inbox, "done", "slow.csv")));
    }

    [Fact]
    public async Task DamagedFiles_LandInFailedWithTheirReason()
    {
        var inbox = worker.Inbox("damaged");
        await File.WriteAllTextAsync(Path.Combine(inbox, "minutes.csv"), "Meeting,Date\nweekly,2026-11-02\n");
        var binary = new byte[8192];
        new Random(16).NextBytes(binary);
        await File.WriteAllBytesAsync(Path.Combine(inbox, "export.xlsx"), binary);

        var headerError = Path.Combine(inbox, "failed", "minutes.csv.error.txt");
        var binaryError = Path.Combine(inbox, "failed", "export.xlsx.error.txt");
        await FolderImportWorker.EventuallyAsync(() => File.Exists(headerError) && File.Exists(binaryError), worker.Worker, "both files in failed/");

        var reason = await File.ReadAllTextAsync(headerError);
        Assert.Contains("Reason:", reason, StringComparison.Ordinal);
        Assert.Contains("Incident number", reason, StringComparison.Ordinal);
        Assert.Contains("Reason:", await File.ReadAllTextAsync(binaryError), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(inbox, "failed", "minutes.csv")));
        Assert.True(File.Exists(Path.Combine(inbox, "failed", "export.xlsx")));
        Assert.Equal(0, worker.Tickets("damaged"));
        Assert.Contains("'" + Path.Combine(inbox, "minutes.csv") + "' could not be imported", worker.Worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondDropOfTheSameContent_DoesNotImportAgain()
    {
        var inbox = worker.Inbox("again");
        await File.WriteAllTextAsync(Path.Combine(inbox, "week48.csv"), FolderImportWorker.Export("again"));
        await FolderImportWorker.EventuallyAsync(() => File.Exists(Path.Combine(inbox, "done", "week48.csv.summary.txt")), worker.Worker, "the first drop in done/");

        await File.WriteAllTextAsync(Path.Combine(inbox, "week48.csv"), FolderImportWorker.Export("again"));
        var second = Path.Combine(inbox, "done", "week48-2.csv.summary.txt");
        await FolderImportWorker.EventuallyAsync(() => File.Exists(second), worker.Worker, "the second drop in done/ as week48-2.csv");

        Assert.Equal(1, worker.Runs("week48.csv"));
        Assert.Equal(2, worker.Tickets("again"));
        Assert.Contains("Not imported again: the same content was imported as 'week48.csv'", await File.ReadAllTextAsync(second), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(inbox, "done", "week48.csv")));
    }

    [Fact]
    public async Task MissingFolder_IsOneLogLine()
    {
        var line = $"the folder '{worker.Missing}' does not exist";
        await FolderImportWorker.EventuallyAsync(() => worker.Worker.Output.Contains(line, StringComparison.Ordinal), worker.Worker, "the missing folder is said");
        await Task.Delay(FolderImportWorker.SettleTime * 2);

        var count = worker.Worker.Output.Split(line).Length - 1;
        Assert.True(count == 1, $"said {count} times:\n{worker.Worker.Output}");
    }
}
