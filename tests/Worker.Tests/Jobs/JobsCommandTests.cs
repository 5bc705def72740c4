using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Worker.Cli;
using Worker.Jobs;
using Worker.Tests.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Jobs;

/// <summary>
/// <c>jobs list</c> and <c>jobs history</c> read what the job store and job_runs hold, in the job's time zone.
/// In the CLI collection: an in-process scheduler must not meet another of the same name.
/// </summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class JobsCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task JobsList_ShowsTheStoredSchedule_InTheJobsTimeZone_NotTheSettings()
    {
        var stored = TestSettings.Embedded(_folder.Path);
        stored["Jobs:Sync:Cron"] = "0 15 3 * * ?";
        stored["Jobs:Sync:TimeZone"] = "Asia/Tokyo";
        await StartAndStopAsync(stored);
        SetTrigger("sync-schedule", next: new DateTimeOffset(2026, 12, 7, 18, 15, 0, TimeSpan.Zero), previous: new DateTimeOffset(2026, 12, 6, 18, 15, 0, TimeSpan.Zero));

        // The settings have changed since: the worker applies them when it next starts, the store still fires the old.
        var (exit, output, error) = await CliAsync(TestSettings.Embedded(_folder.Path), "jobs", "list");

        Assert.True(exit == 0, error);
        var sync = output.Split('\n').Single(l => l.Contains(" sync ", StringComparison.Ordinal));
        Assert.Contains("0 15 3 * * ?", sync, StringComparison.Ordinal);
        Assert.Contains("Asia/Tokyo", sync, StringComparison.Ordinal);
        Assert.Contains("2026-12-08 03:15:00 +09:00", sync, StringComparison.Ordinal);
        Assert.Contains("2026-12-07 03:15:00 +09:00", sync, StringComparison.Ordinal);
        Assert.Contains("settings say 0 0 * * * ? Europe/Amsterdam from the next start", sync, StringComparison.Ordinal);
        Assert.DoesNotContain("18:15", sync, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsHistory_ListsRunsNewestFirst_InTheJobsZone_WithTheRerunOfAnInterruptedRun()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        await StartAndStopAsync(settings);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        using (var host = TestSettings.BuildHost(settings, s => s.AddSingleton<TimeProvider>(clock)))
        {
            var log = host.Services.GetRequiredService<JobRunLog>();
            await log.StartedAsync("f1", "sync", null, "node-a", recovering: false, default);
            await log.FinishedAsync("f1", "succeeded", null, default);

            // Across the change to summer time: 02:30 UTC is 03:30 in Amsterdam, an hour later 04:30.
            clock.SetUtcNow(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero));
            await log.StartedAsync("f2", "sync", null, "node-a", recovering: false, default);
            clock.Advance(TimeSpan.FromHours(1));
            await log.StartedAsync("f3", "sync", null, "node-b", recovering: true, default);
            clock.Advance(TimeSpan.FromSeconds(12));
            await log.FinishedAsync("f3", "failed", "source 'legacy' is down", default);
        }

        var (exit, output, error) = await CliAsync(settings, "jobs", "history", "sync", "--last", "2");

        Assert.True(exit == 0, error);
        var rows = output.Split('\n').Where(l => l.Contains("2026-03-29", StringComparison.Ordinal) && l.Contains("node-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("2026-03-29 04:30:00 +02:00", rows[0], StringComparison.Ordinal);
        Assert.Contains("│ 12 ", rows[0], StringComparison.Ordinal);
        Assert.Contains("source 'legacy' is down", rows[0], StringComparison.Ordinal);
        Assert.Contains("failed", rows[0], StringComparison.Ordinal);
        Assert.Contains("node-b", rows[0], StringComparison.Ordinal);
        Assert.Contains("rerun of the run started 2026-03-29 03:30:00 +02:00 on node-a, interrupted", rows[0], StringComparison.Ordinal);
        Assert.Contains("interrupted", rows[1], StringComparison.Ordinal);
        Assert.StartsWith("│ 2026-03-29 03:30:00 +02:00", rows[1].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("times in Europe/Amsterdam", output, StringComparison.Ordinal);

        var all = await CliAsync(settings, "jobs", "history", "sync");
        Assert.Contains("2026-03-29 01:30:00 +01:00", all.Output, StringComparison.Ordinal);
        Assert.Contains("succeeded", all.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JobsHistory_UnknownJobOrLastOutOfRange_IsAnErrorNotAnEmptyList()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        await StartAndStopAsync(settings);

        var unknown = await CliAsync(settings, "jobs", "history", "weekly-report");
        var zero = await CliAsync(settings, "jobs", "history", "sync", "--last", "0");

        Assert.Equal(JobsCommand.UnknownJob, unknown.Exit);
        Assert.Contains("unknown job 'weekly-report'", unknown.Error, StringComparison.Ordinal);
        Assert.NotEqual(0, zero.Exit);
        Assert.Contains("--last must be between 1 and 1000", zero.Error + zero.Output, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output, string Error)> CliAsync(Dictionary<string, string?> settings, params string[] args) =>
        InProcessCli.RunWithOutputAsync(
            b =>
            {
                b.Configuration.AddInMemoryCollection(settings);
                Program.Compose(b);
            },
            args,
            CancellationToken.None);

    private static async Task StartAndStopAsync(Dictionary<string, string?> settings)
    {
        using var host = TestSettings.BuildHost(settings);
        await host.StartAsync();
        await host.StopAsync();
    }

    private void SetTrigger(string name, DateTimeOffset next, DateTimeOffset previous)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("quartz.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $next, PREV_FIRE_TIME = $previous WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$next", next.UtcTicks);
        command.Parameters.AddWithValue("$previous", previous.UtcTicks);
        command.Parameters.AddWithValue("$name", name);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    public void Dispose() => _folder.Dispose();
}
