using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Worker.Tests.Support;

namespace Worker.Tests.Checks;

/// <summary>
/// A real worker whose sync job fails every second: the operator gets one alert per failure streak, through the
/// outbox, however many runs fail in a row; a success ends the streak (with a "works again" note) and the next
/// failure starts a new one.
/// </summary>
public sealed class JobFailureAlertTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task ThreeFailedRunsInARow_OneAlert_ThenSuccessAndFailure_ASecondOne()
    {
        var settings = TestSettings.Embedded(_folder.Path).Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        var source = _folder.File("source.db");
        using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE tickets (ticket_id TEXT, kind TEXT, opened_at TEXT, updated_at TEXT); INSERT INTO tickets VALUES ('T1', 'incident', '2026-12-01T09:00:00Z', '2026-12-01T10:00:00Z');";
            command.ExecuteNonQuery();
        }

        var query = _folder.File("legacy.sql");
        const string Broken = "SELECT ticket_id, kind, opened_at, updated_at FORM tickets WHERE updated_at > @since";
        const string Fixed = "SELECT ticket_id, kind, opened_at, updated_at FROM tickets WHERE updated_at > @since ORDER BY updated_at";
        await File.WriteAllTextAsync(query, Broken);
        settings["Sync:Sources:0:Name"] = "legacy";
        settings["Sync:Sources:0:Provider"] = "Sqlite";
        settings["Sync:Sources:0:ConnectionString"] = $"Data Source={source};Pooling=False";
        settings["Sync:Sources:0:QueryFile"] = query;
        settings["Sync:Sources:0:DateFormat"] = "iso";
        settings["Jobs:Sync:Cron"] = "* * * * * ?";
        // A failed run is one run: the sync's own retries (which a query error gets too) would stretch it over a minute.
        settings["Sync:MaxAttempts"] = "1";
        settings["Delivery:Operators:0"] = "ops@example.org";

        await using var worker = WorkerProcess.Start(_folder.Path, settings, "run");
        await WaitForAsync(worker, () => Outcomes().Count(o => o == "failed") >= 3);
        Assert.Equal([("job-failed", "ops@example.org")], Alerts().Select(a => (a.Kind, a.Recipient)));

        await File.WriteAllTextAsync(query, Fixed);
        await WaitForAsync(worker, () => Outcomes().Contains("succeeded"));
        await File.WriteAllTextAsync(query, Broken);
        await WaitForAsync(worker, () => Outcomes().SkipWhile(o => o != "succeeded").Count(o => o == "failed") >= 2);
        worker.Kill();

        var alerts = Alerts();
        Assert.Equal(["job-failed", "job-recovered", "job-failed"], alerts.Select(a => a.Kind));
        Assert.Equal(2, alerts.Where(a => a.Kind == "job-failed").Select(a => a.Period).Distinct().Count());
        Assert.All(alerts, a => Assert.Equal("job:sync", a.Scope));
        Assert.Contains("Job 'sync' failed", alerts[0].Subject, StringComparison.Ordinal);
    }

    private async Task WaitForAsync(WorkerProcess worker, Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60) && !worker.HasExited, $"waited {clock.Elapsed}; runs: {string.Join(", ", Outcomes())}\n{worker.Output}");
            await Task.Delay(200);
        }
    }

    private List<string> Outcomes() =>
        Query("SELECT outcome FROM job_runs WHERE job = 'sync' AND outcome IN ('failed', 'succeeded') ORDER BY started_at", r => r.GetString(0));

    private List<(string Kind, string Period, string Scope, string Recipient, string Subject)> Alerts() =>
        Query("SELECT report_kind, period, scope, recipient, subject FROM outbox WHERE report_kind LIKE 'job-%' ORDER BY enqueued_at, period, report_kind",
            r => (r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4)));

    private List<T> Query<T>(string sql, Func<SqliteDataReader, T> read)
    {
        var list = new List<T>();
        var file = _folder.File("analytics.db");
        if (!File.Exists(file))
        {
            return list;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                list.Add(read(reader));
            }
        }
        catch (SqliteException)
        {
            // The worker is still creating its tables.
        }

        return list;
    }

    public void Dispose() => _folder.Dispose();
}
