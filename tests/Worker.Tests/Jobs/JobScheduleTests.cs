using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Worker.Cli;
using Worker.Jobs;
using Worker.Tests.Support;

namespace Worker.Tests.Jobs;

/// <summary>
/// The schedule in the embedded SQLite job store across worker restarts: misfires, kept and changed schedules,
/// jobs without their service. One class, so no two in-process schedulers run at once.
/// </summary>
public sealed class JobScheduleTests : IDisposable
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task WorkerDownOverSeveralMondays_RunsTheWeeklyReportsOnceOnStart_ForTheLastWeek()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        var reporting = new RecordingWeeklyReporting();
        await RunAsync(settings, reporting, TimeSpan.Zero);

        // As the job store looks when the worker stopped after the run four Mondays ago: the next fire,
        // three Mondays ago, was missed, and so were the two after it.
        var now = TimeProvider.System.GetUtcNow();
        var lastMonday = LastMondayAtSeven(now);
        SetTrigger("weekly-reports-schedule", next: lastMonday.AddDays(-14), previous: lastMonday.AddDays(-21));

        await RunAsync(settings, reporting, TimeSpan.FromSeconds(4), until: () => !reporting.Weeks.IsEmpty);

        var week = Assert.Single(reporting.Weeks);
        Assert.Equal(WeeklyReportsJob.WeekBefore(TimeProvider.System.GetUtcNow(), Amsterdam), week);
        var (next, _) = Trigger("weekly-reports-schedule");
        Assert.True(next > now, $"next fire {next:u} is after the restart");
        var local = TimeZoneInfo.ConvertTime(next, Amsterdam);
        Assert.Equal((DayOfWeek.Monday, 7, 0), (local.DayOfWeek, local.Hour, local.Minute));
        Assert.Equal(["succeeded"], Runs("weekly-reports"));
    }

    [Fact]
    public async Task AsOfSetting_WeeklyReportsReportTheWeekBeforeIt_AndTheJobLogKeepsTheRealTime()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        var reporting = new RecordingWeeklyReporting();
        await RunAsync(settings, reporting, TimeSpan.Zero);
        var lastMonday = LastMondayAtSeven(TimeProvider.System.GetUtcNow());
        SetTrigger("weekly-reports-schedule", next: lastMonday.AddDays(-7), previous: lastMonday.AddDays(-14));

        // Sunday 1 November 2026: as of its end, 2026-W44 is the last complete week, whenever the job fires.
        settings["Jobs:AsOf"] = "2026-11-01";
        var before = TimeProvider.System.GetUtcNow();
        await RunAsync(settings, reporting, TimeSpan.FromSeconds(4), until: () => !reporting.Weeks.IsEmpty);

        Assert.Equal(new Analytics.Calendar.IsoWeek(2026, 44), Assert.Single(reporting.Weeks));
        Assert.All(RunStarts("weekly-reports"), started => Assert.True(started >= before.AddSeconds(-1), $"the run is logged at {started:u}, the real time"));
    }

    [Fact]
    public void AsOfSetting_NotAMoment_IsAConfigurationErrorNamingTheSetting()
    {
        var result = new JobsOptionsValidator().Validate(null, new JobsOptions { AsOf = "last week" });

        Assert.True(result.Failed);
        Assert.Contains("Jobs:AsOf: 'last week' is not a date", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restart_WithTheSameSchedule_KeepsTheStoredTrigger()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        await RunAsync(settings, new RecordingWeeklyReporting(), TimeSpan.Zero);
        var stored = Trigger("weekly-reports-schedule");
        SetTrigger("weekly-reports-schedule", next: stored.Next.AddDays(7), previous: stored.Next);

        await RunAsync(settings, new RecordingWeeklyReporting(), TimeSpan.Zero);

        Assert.Equal(stored.Next.AddDays(7), Trigger("weekly-reports-schedule").Next);
    }

    [Fact]
    public async Task Restart_WithANewCron_ReschedulesToIt()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        await RunAsync(settings, new RecordingWeeklyReporting(), TimeSpan.Zero);

        settings["Jobs:WeeklyReports:Cron"] = "0 30 8 ? * TUE";
        await RunAsync(settings, new RecordingWeeklyReporting(), TimeSpan.Zero);

        var local = TimeZoneInfo.ConvertTime(Trigger("weekly-reports-schedule").Next, Amsterdam);
        Assert.Equal((DayOfWeek.Tuesday, 8, 30), (local.DayOfWeek, local.Hour, local.Minute));
    }

    [Fact]
    public async Task JobWhoseServiceIsNotRegistered_IsNotScheduled_AndTheWorkerRunsWithoutIt()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        await RunAsync(settings, new RecordingWeeklyReporting(), TimeSpan.Zero);
        Assert.True(TriggerExists("weekly-reports-schedule"));

        await RunAsync(settings, reporting: null, TimeSpan.Zero);

        Assert.False(TriggerExists("weekly-reports-schedule"));
        Assert.True(TriggerExists("sync-schedule"));
        Assert.False(TriggerExists("retrain-forecasts-schedule"));
        Assert.False(TriggerExists("overload-check-schedule"));
    }

    [Fact]
    public async Task StoredJobs_DisallowConcurrentRuns_AndAskToBeRecoveredAfterACrash()
    {
        await RunAsync(TestSettings.Embedded(_folder.Path), new RecordingWeeklyReporting(), TimeSpan.Zero);

        using var connection = Open("quartz.db");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT JOB_NAME, IS_NONCONCURRENT, REQUESTS_RECOVERY, IS_DURABLE FROM QRTZ_JOB_DETAILS ORDER BY JOB_NAME";
        using var reader = command.ExecuteReader();
        var jobs = new List<(string, bool, bool, bool)>();
        while (reader.Read())
        {
            jobs.Add((reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3)));
        }

        Assert.Equal([("sync", true, true, true), ("weekly-reports", true, true, true)], jobs);
    }

    [Fact]
    public async Task JobsTrigger_QueuesARunThatTheWorkerRuns_AndJobsListShowsIt()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        await RunAsync(settings, reporting: null, TimeSpan.Zero);
        var environment = settings.Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);

        await using (var unknown = WorkerProcess.Start(_folder.Path, environment, "jobs", "trigger", "weekly-report"))
        {
            Assert.Equal(JobsCommand.UnknownJob, await unknown.WaitForExitAsync(TimeSpan.FromSeconds(30)));
            Assert.Contains("unknown job 'weekly-report'; the jobs are sync, retrain-forecasts, overload-check, weekly-reports", unknown.Output, StringComparison.Ordinal);
        }

        await using (var trigger = WorkerProcess.Start(_folder.Path, environment, "jobs", "trigger", "sync"))
        {
            Assert.Equal(0, await trigger.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        }

        Assert.Empty(Runs("sync"));
        await RunAsync(settings, reporting: null, TimeSpan.Zero, until: () => Runs("sync") is ["succeeded"]);
        Assert.Equal(["succeeded"], Runs("sync"));

        await using var list = WorkerProcess.Start(_folder.Path, environment, "jobs", "list");
        Assert.Equal(0, await list.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        Assert.Contains("succeeded on NON_CLUSTERED", list.Output, StringComparison.Ordinal);
        // The executable registers the report services, so all four jobs are on its schedule.
        Assert.Contains("weekly-reports", list.Output, StringComparison.Ordinal);
        Assert.Contains("retrain-forecasts", list.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("off: no", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OutageShorterThanTheMisfireThreshold_RunsTheMissedFiresOnce_NotBackToBack()
    {
        // Every second, and a threshold far longer than the outage: Quartz alone fires each missed second.
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Jobs:Sync:Cron"] = "* * * * * ?";
        settings["Jobs:Store:MisfireThreshold"] = "00:01:00";
        await RunAsync(settings, reporting: null, TimeSpan.Zero, until: () => Runs("sync").Count >= 1);

        await Task.Delay(TimeSpan.FromSeconds(5));
        var restart = TimeProvider.System.GetUtcNow();
        await RunAsync(settings, reporting: null, TimeSpan.FromSeconds(2), until: () => RunStarts("sync").Any(s => s >= restart.AddSeconds(-1)));

        var scheduled = JobRuns("sync", "scheduled_fire_at").Zip(RunStarts("sync"))
            .Where(r => r.Second >= restart.AddSeconds(-1))
            .Select(r => DateTimeOffset.Parse(r.First!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        // The missed fires collapse into one run, due at the latest at the moment the worker is back: at most one
        // run is for a second before the restart (none when the worker took over a second to start).
        var missed = scheduled.Count(s => s < restart.AddSeconds(-1));
        Assert.True(missed <= 1, $"{missed} of the about 5 missed fires ran after the restart (scheduled: {string.Join(", ", scheduled.Select(s => s.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)))})");
        Assert.NotEmpty(scheduled);
    }

    [Fact]
    public async Task KilledRun_IsMarkedInterruptedAtTheNextStart_AndItsRecoveryNamesIt()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        await RunAsync(settings, new RecordingWeeklyReporting(), TimeSpan.Zero);

        // As a worker killed during a weekly run leaves things: its run open in job_runs (Quartz's own record of
        // the fire is gone with the in-memory state of this test's clean stop, so no recovery reruns it).
        using (var connection = Open("analytics.db"))
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                INSERT INTO job_runs (fire_instance_id, job, scheduled_fire_at, instance_id, recovering, started_at)
                VALUES ('NON_CLUSTERED-killed', 'weekly-reports', '2026-11-30T06:00:00Z', 'NON_CLUSTERED', 0, '2026-11-30T06:00:01Z')
                """;
            command.ExecuteNonQuery();
        }

        await RunAsync(settings, new RecordingWeeklyReporting(), TimeSpan.Zero);

        Assert.Equal(["interrupted"], Runs("weekly-reports"));
        Assert.StartsWith("its worker stopped during the run", JobRuns("weekly-reports", "detail").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void WeekBefore_MondayMorningInAmsterdam_IsTheWeekThatEndedOnSunday()
    {
        // 2026-11-23 07:00 in Amsterdam is 06:00 UTC, Monday of week 48.
        var week = WeeklyReportsJob.WeekBefore(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), Amsterdam);

        Assert.Equal(new Analytics.Calendar.IsoWeek(2026, 47), week);
    }

    private static async Task RunAsync(Dictionary<string, string?> settings, RecordingWeeklyReporting? reporting, TimeSpan atLeast, Func<bool>? until = null)
    {
        using var host = TestSettings.BuildHost(settings, services =>
        {
            if (reporting is not null)
            {
                services.AddSingleton<IWeeklyReporting>(reporting);
            }
        });
        await host.StartAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(20) && until is not null && !until())
        {
            await Task.Delay(50);
        }

        // Long enough for a second (wrong) catch-up fire to show up.
        await Task.Delay(atLeast);
        await host.StopAsync();
    }

    private static DateTimeOffset LastMondayAtSeven(DateTimeOffset now)
    {
        var local = TimeZoneInfo.ConvertTime(now, Amsterdam);
        var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7)).AddHours(7);
        if (monday > local.DateTime)
        {
            monday = monday.AddDays(-7);
        }

        return new DateTimeOffset(monday, Amsterdam.GetUtcOffset(monday)).ToUniversalTime();
    }

    private SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection($"Data Source={_folder.File(file)};Pooling=False");
        connection.Open();
        return connection;
    }

    private void SetTrigger(string name, DateTimeOffset next, DateTimeOffset previous)
    {
        using var connection = Open("quartz.db");
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $next, PREV_FIRE_TIME = $previous WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$next", next.UtcTicks);
        command.Parameters.AddWithValue("$previous", previous.UtcTicks);
        command.Parameters.AddWithValue("$name", name);
        Assert.Equal(1, command.ExecuteNonQuery());
    }

    private (DateTimeOffset Next, DateTimeOffset? Previous) Trigger(string name)
    {
        using var connection = Open("quartz.db");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT NEXT_FIRE_TIME, PREV_FIRE_TIME FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$name", name);
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), $"trigger {name} is stored");
        return (
            new DateTimeOffset(reader.GetInt64(0), TimeSpan.Zero),
            reader.IsDBNull(1) ? null : new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero));
    }

    private bool TriggerExists(string name)
    {
        using var connection = Open("quartz.db");
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_NAME = $name";
        command.Parameters.AddWithValue("$name", name);
        return (long)command.ExecuteScalar()! > 0;
    }

    private List<string> Runs(string job) => [.. JobRuns(job, "outcome").Select(o => o ?? "(running)")];

    private List<DateTimeOffset> RunStarts(string job) =>
        [.. JobRuns(job, "started_at").Select(s => DateTimeOffset.Parse(s!, System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>One column of the job's runs in the store's job_runs table, oldest first.</summary>
    private List<string?> JobRuns(string job, string column)
    {
        using var connection = Open("analytics.db");
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {column} FROM job_runs WHERE job = $job ORDER BY started_at";
        command.Parameters.AddWithValue("$job", job);
        using var reader = command.ExecuteReader();
        var values = new List<string?>();
        while (reader.Read())
        {
            values.Add(reader.IsDBNull(0) ? null : reader.GetString(0));
        }

        return values;
    }

    public void Dispose() => _folder.Dispose();
}
