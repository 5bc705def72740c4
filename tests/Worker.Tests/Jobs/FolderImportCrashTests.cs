using Worker.Tests.Support;

namespace Worker.Tests.Jobs;

/// <summary>A worker that died after importing a dropped file but before moving it: the next one moves it, once imported.</summary>
public sealed class FolderImportCrashTests : IDisposable
{
    private readonly TempDirectory _root = new();

    [Fact]
    public async Task ImportedButNotMoved_TheNextWorkerMovesItWithoutImportingItAgain()
    {
        var inbox = _root.File("inbox");
        Directory.CreateDirectory(inbox);
        var file = Path.Combine(inbox, "export.csv");
        await File.WriteAllTextAsync(file, FolderImportWorker.Export("crash"));
        var settings = FolderImportWorker.Settings(_root.Path, [inbox]);

        // As the killed worker left it: the ledger has the import, the file is still in the folder.
        await using (var import = WorkerProcess.Start(_root.Path, settings, "import", file, "--profile", "topdesk", "--source", "inbox"))
        {
            Assert.Equal(0, await import.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        }

        Assert.True(File.Exists(file));
        Assert.Equal(1, Runs());

        await using var worker = WorkerProcess.Start(_root.Path, settings, "run");
        var summary = Path.Combine(inbox, "done", "export.csv.summary.txt");
        await FolderImportWorker.EventuallyAsync(() => File.Exists(summary) && !File.Exists(file), worker, "export.csv in done/");

        Assert.Equal(1, Runs());
        Assert.Equal(2, FolderImportWorker.Scalar(_root.Path, "SELECT COUNT(*) FROM tickets WHERE source = 'inbox'"));
        Assert.Contains("Not imported again: the same content was imported as 'export.csv'", await File.ReadAllTextAsync(summary), StringComparison.Ordinal);
    }

    public void Dispose() => _root.Dispose();

    private long Runs() => FolderImportWorker.Scalar(_root.Path, "SELECT COUNT(*) FROM import_runs");
}
