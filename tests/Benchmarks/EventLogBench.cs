using System.Diagnostics;
using System.Globalization;
using System.Text;
using Analytics.Import;
using Analytics.Import.EventLog;
using Analytics.Storage;
using Microsoft.Data.Sqlite;

namespace Benchmarks;

/// <summary>
/// Imports a generated event log into a fresh SQLite store and prints events per second for the whole
/// import (staging and fold) and the process's peak working set:
/// <c>dotnet run -c Release --project tests/Benchmarks -- eventlog --events 1000000</c>.
/// The log is shaped like the real ones: about nine events per case, cases interleaved as they happen
/// in parallel, a quarter of the cases' rows out of time order, hand-overs between 40 teams.
/// </summary>
internal static class EventLogBench
{
    private const string Mapping = """
        {
          "source": "bench",
          "columns": { "priority": "Impact", "category": "Product" },
          "eventLog": {
            "case": "Case", "timestamp": "At", "activity": ["Status", "Sub Status"],
            "resolved": ["Completed-Resolved"], "closed": ["Completed-Closed"], "reopened": ["Accepted-*"],
            "team": "Team", "assignee": "Owner"
          }
        }
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var events = args.Length >= 2 && args[0] == "--events" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var folder = Path.Combine(Path.GetTempPath(), "analytics-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var csv = Path.Combine(folder, "events.csv");
            var cases = Write(csv, events, seed: 1);
            var mapping = Path.Combine(folder, "map.json");
            await File.WriteAllTextAsync(mapping, Mapping);
            var options = new StoreOptions { ConnectionString = $"Data Source={Path.Combine(folder, "bench.db")}" };
            SchemaMigrator.Migrate(options);
            var connections = DbConnectionFactory.Create(options);
            var tickets = new TicketStore(connections);
            var ledger = new ImportLedger(connections, TimeProvider.System);
            var importer = new CsvImporter(tickets, new ActivityStore(connections), new ReferenceStore(connections), ledger, new ImportProfiles(), new EventLogImporter(tickets, ledger));

            GC.Collect();
            using var self = Process.GetCurrentProcess();
            var cpuBefore = self.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var summary = await importer.ImportAsync(csv, new ImportOptions { Profile = "generic", MappingFile = mapping }, null, CancellationToken.None);
            stopwatch.Stop();

            using var process = Process.GetCurrentProcess();
            process.Refresh();
            var cpu = process.TotalProcessorTime - cpuBefore;
            var log = summary.EventLog!;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"event-log bench: {log.EventsRead:N0} events of {log.Cases:N0} cases ({new FileInfo(csv).Length / 1024.0 / 1024.0:N1} MiB) in {stopwatch.Elapsed.TotalSeconds:N2} s = {log.EventsRead / stopwatch.Elapsed.TotalSeconds:N0} events/s ({cpu.TotalSeconds:N2} s CPU on up to two cores, as the importer overlaps reading and writing); {log.EventsDerived:N0} ticket events stored; quarantined {summary.Quarantined:N0}; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB"));
            return summary.Inserted == cases && log.EventsRead == events ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Writes <paramref name="events"/> rows and returns the number of cases they belong to.</summary>
    private static int Write(string path, int events, int seed)
    {
        string[] steps = ["Queued-Awaiting Assignment", "Accepted-In Progress", "Accepted-Wait - User", "Accepted-In Progress", "Completed-Resolved", "Completed-Closed"];
        var random = new Random(seed);
        var start = new DateTimeOffset(2024, 1, 1, 8, 0, 0, TimeSpan.Zero);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine("Case,At,Status,Sub Status,Team,Owner,Impact,Product");
        var written = 0;
        var cases = 0;
        var pending = new List<string>();
        while (written < events)
        {
            // A window of cases whose rows are shuffled together: interleaved, partly out of order.
            pending.Clear();
            for (var c = 0; c < 50 && written + pending.Count < events; c++, cases++)
            {
                var id = "SR-" + cases.ToString(CultureInfo.InvariantCulture);
                var at = start.AddMinutes(cases * 3);
                var team = random.Next(40);
                var owner = random.Next(300);
                var length = Math.Min(3 + random.Next(12), events - written - pending.Count);
                for (var e = 0; e < length; e++)
                {
                    var step = steps[Math.Min(e, steps.Length - 1)];
                    if (e >= steps.Length)
                    {
                        step = e % 2 == 0 ? "Accepted-In Progress" : "Completed-Resolved";
                    }

                    // Hand-overs as often as in the real logs (about 0.7 per row counting team and person).
                    if (random.Next(4) == 0)
                    {
                        team = random.Next(40);
                    }

                    if (random.Next(5) < 2)
                    {
                        owner = random.Next(300);
                    }

                    var dash = step.IndexOf('-', StringComparison.Ordinal);
                    pending.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{id},{at:yyyy-MM-ddTHH:mm:ssZ},{step[..dash]},{step[(dash + 1)..]},T{team},Agent {owner},{(e == 0 ? "Medium" : "")},PROD{team * 7}"));
                    at = at.AddMinutes(random.Next(1, 600));
                }
            }

            for (var i = pending.Count - 1; i > 0; i--)
            {
                if (random.Next(4) == 0)
                {
                    var j = random.Next(i + 1);
                    (pending[i], pending[j]) = (pending[j], pending[i]);
                }
            }

            foreach (var line in pending)
            {
                writer.WriteLine(line);
            }

            written += pending.Count;
        }

        return cases;
    }
}
