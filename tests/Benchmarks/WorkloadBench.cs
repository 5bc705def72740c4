using System.Diagnostics;
using System.Globalization;
using Analytics.Calendar;
using Analytics.Storage;
using Analytics.Workload;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Benchmarks;

/// <summary>
/// Weekly metrics for a large history: <c>workload --tickets 1000000</c> builds a five-year store of
/// 30 teams and 300 agents (once, cached under the temp folder), then measures in a fresh child
/// process so that the peak working set is the computation's alone, and compares with a plain
/// SQLite GROUP BY of the incoming counts over the same table.
/// </summary>
internal static class WorkloadBench
{
    private static readonly DateOnly FirstDay = new(2021, 11, 29);
    private static readonly DateOnly LastDay = new(2026, 11, 22);

    public static async Task<int> RunAsync(string[] args)
    {
        var tickets = args.Length >= 2 && args[0] == "--tickets" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000;
        var path = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"analytics-workload-bench-{tickets}.db"));
        if (!File.Exists(path))
        {
            Console.WriteLine($"Building {tickets:N0} tickets into {path} (once) ...");
            var building = path + ".building";
            File.Delete(building);
            var options = new StoreOptions { ConnectionString = $"Data Source={building}" };
            SchemaMigrator.Migrate(options);
            await WorkloadHistoryWriter.WriteAsync(options, tickets, 30, 10, FirstDay, LastDay, seed: 5);
            SqliteConnection.ClearAllPools();
            File.Move(building, path);
        }

        // Run under "dotnet Benchmarks.dll" the host is dotnet and the assembly must be named.
        var host = Environment.ProcessPath!;
        string[] childArgs = Path.GetFileNameWithoutExtension(host) == "dotnet"
            ? [typeof(WorkloadBench).Assembly.Location, "workload-measure", path]
            : ["workload-measure", path];
        using var child = Process.Start(new ProcessStartInfo(host, childArgs) { UseShellExecute = false })!;
        await child.WaitForExitAsync();
        return child.ExitCode;
    }

    public static async Task<int> MeasureAsync(string path)
    {
        var options = new StoreOptions { ConnectionString = $"Data Source={path};Mode=ReadOnly" };
        var connections = DbConnectionFactory.Create(options);
        var calculator = new WorkloadCalculator(connections, new Analytics.Roster.RosterReader(connections, new ReferenceStore(connections)), new DutchHolidayCalendar(), Options.Create(new WorkloadOptions()));
        var first = IsoWeek.Of(FirstDay);
        var last = IsoWeek.Of(LastDay);

        var groupBy = Stopwatch.StartNew();
        long groups;
        await using (var connection = await connections.OpenAsync(CancellationToken.None))
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT team, CAST((julianday(opened_at) - julianday('2021-11-29')) / 7 AS INTEGER) AS week, COUNT(*) FROM tickets GROUP BY team, week";
            await using var reader = await command.ExecuteReaderAsync();
            groups = 0;
            while (await reader.ReadAsync())
            {
                groups++;
            }
        }

        groupBy.Stop();
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var history = await calculator.ComputeAsync(first, last, CancellationToken.None);
        stopwatch.Stop();
        process.Refresh();

        // CPU time beside wall time: on a shared machine the wall time also measures the neighbours.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"workload bench: {history.TeamWeeks.Count:N0} team weeks and {history.AgentWeeks.Count:N0} agent weeks ({first} to {last}) in {stopwatch.Elapsed.TotalSeconds:N2} s wall, {(process.TotalProcessorTime - cpuBefore).TotalSeconds:N2} s CPU; peak working set {process.PeakWorkingSet64 / 1024.0 / 1024.0:N0} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"plain SQLite GROUP BY of incoming per team and (UTC) week: {groups:N0} groups in {groupBy.Elapsed.TotalSeconds:N2} s"));
        Console.WriteLine($"results digest: {Digest(history)}");
        return 0;
    }

    /// <summary>
    /// A hash of every figure (records print all their properties, doubles round-trip exactly), so that a
    /// speed-up can show it changed no result on the full history, not only on the tests' small ones.
    /// </summary>
    private static string Digest(WorkloadHistory history)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var record in history.TeamWeeks.Cast<object>().Concat(history.AgentWeeks))
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{record}\n")));
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }
}
