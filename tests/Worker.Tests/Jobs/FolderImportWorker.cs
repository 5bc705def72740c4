using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Worker.Tests.Support;

namespace Worker.Tests.Jobs;

/// <summary>
/// A real worker process watching a few folders (one per test, each with its own source name), looking every second
/// with a settle time of three seconds; and one folder configured but missing.
/// </summary>
public sealed class FolderImportWorker : IAsyncLifetime, IDisposable
{
    /// <summary>
    /// A small TOPdesk export (two good rows and one with a bad date) whose ticket numbers carry <paramref name="tag"/>:
    /// the ledger knows a file by its content, so each test drops content of its own.
    /// </summary>
    public static string Export(string tag) =>
        "Incident number,Call date,Operator group,Brief description\n" +
        $"{tag} 001,2026-11-02 09:05,Service Desk,Printer jams\n" +
        $"{tag} 002,2026-11-03 10:00,Service Desk,VPN drops\n" +
        $"{tag} 003,not a date,Service Desk,Broken row\n";

    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(3);

    public static readonly string[] Folders = ["drop", "slow", "damaged", "again"];

    private readonly TempDirectory _root = new();

    public WorkerProcess Worker { get; private set; } = null!;

    public string Root => _root.Path;

    public string Missing => _root.File("not-there");

    public string Inbox(string name) => _root.File(name);

    public static Dictionary<string, string> Settings(string root, IReadOnlyList<string> folders)
    {
        var settings = TestSettings.Embedded(root).Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        settings["Jobs:ImportFolders:Cron"] = "* * * * * ?";
        settings["Jobs:Sync:Enabled"] = "false";
        settings["Import:FolderSettleTime"] = SettleTime.ToString();
        for (var i = 0; i < folders.Count; i++)
        {
            settings[$"Import:Folders:{i}:Path"] = folders[i];
            settings[$"Import:Folders:{i}:Profile"] = "topdesk";
            settings[$"Import:Folders:{i}:Source"] = Path.GetFileName(folders[i]);
        }

        return settings;
    }

    public async Task InitializeAsync()
    {
        foreach (var folder in Folders)
        {
            Directory.CreateDirectory(Inbox(folder));
        }

        Worker = WorkerProcess.Start(Root, Settings(Root, [.. Folders.Select(Inbox), Missing]), "run");

        // The first look into the folders says the missing one: from then on, a file is dropped into a running job's folder.
        await EventuallyAsync(() => Worker.Output.Contains($"the folder '{Missing}' does not exist", StringComparison.Ordinal), Worker, "the job's first look");
    }

    public async Task DisposeAsync()
    {
        await Worker.DisposeAsync();
        _root.Dispose();
    }

    public void Dispose() => _root.Dispose();

    /// <summary>Waits until <paramref name="done"/> holds, failing with the worker's output after a minute.</summary>
    public static async Task EventuallyAsync(Func<bool> done, WorkerProcess worker, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!done())
        {
            if (worker.HasExited)
            {
                Assert.Fail($"the worker exited ({worker.ExitCode}) before {what}:\n{worker.Output}");
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"not within a minute: {what}. Worker output:\n{worker.Output}");
            await Task.Delay(100);
        }
    }

    public static long Scalar(string root, string sql, params (string Name, object Value)[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(root, "analytics.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public long Tickets(string source) => Scalar(Root, "SELECT COUNT(*) FROM tickets WHERE source = $source", ("$source", source));

    public long Runs(string fileName) => Scalar(Root, "SELECT COUNT(*) FROM import_runs WHERE file_name = $name", ("$name", fileName));
}
