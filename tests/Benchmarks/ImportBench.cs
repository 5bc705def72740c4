using System.Diagnostics;
using System.Globalization;
using Analytics.Import;
using Analytics.Import.EventLog;
using Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace Benchmarks;

/// <summary>
/// Imports a generated ServiceNow export into a fresh SQLite store and prints rows per second and the
/// process's peak working set. Run it once per size in separate processes to compare peaks:
/// <c>dotnet run -c Release --project tests/Benchmarks -- import --rows 1000000</c>.
/// </summary>
internal static class ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length >= 2 && args[0] == "--rows" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Path.Combine(Path.GetTempPath(), "analytics-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "incidents.csv");
            ServiceNowCsvWriter.Write(csv, rows, seed: 1);
            var options = new StoreOptions { ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")}" };
            SchemaMigrator.Migrate(options);
            var connections = DbConnectionFactory.Create(options);
            var tickets = new TicketStore(connections);
            var activity = new ActivityStore(connections);
            var ledger = new ImportLedger(connections, TimeProvider.System);
            var importer = new CsvImporter(tickets, activity, new ReferenceStore(connections), ledger, new ImportProfiles(), new EventLogImporter(tickets, ledger));

            GC.Collect();
            var stopwatch = Stopwatch.StartNew();
            var summary = await importer.ImportAsync(csv, new ImportOptions { Profile = "servicenow" }, null, CancellationToken.None);
            stopwatch.Stop();

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var size = new FileInfo(csv).Length;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import bench: {summary.RowsRead:N0} rows ({size / 1024.0 / 1024.0:N1} MiB) in {stopwatch.Elapsed.TotalSeconds:N2} s = {summary.RowsRead / stopwatch.Elapsed.TotalSeconds:N0} rows/s; inserted {summary.Inserted:N0}, quarantined {summary.Quarantined:N0}; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB"));
            return summary.Inserted == rows ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
