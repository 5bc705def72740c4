using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Worker.Delivery;
using Worker.Tests.Delivery;
using Worker.Tests.Support;
using Xunit.Abstractions;

namespace Worker.Tests.Crash;

/// <summary>
/// The worker executable killed with SIGKILL at random moments of its work (import, sync, the weekly reports,
/// mail delivery over SMTP), then started again: the store must end as an uninterrupted run leaves it, and every
/// recipient must have exactly one mail per report, or an "unconfirmed" entry an operator can see. Each phase
/// first times an uninterrupted run into a store of its own; the kills fall within that run's work.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output) : IDisposable
{
    // Twenty kills in all; the weekly reports cost the most to rerun, so they get fewer.
    private const int ImportKills = 6;
    private const int SyncKills = 6;
    private const int ReportKills = 3;
    private const int MailKills = 5;
    private const string WeeklyReportsJob = "weekly-reports";
    private static readonly TimeSpan RerunTimeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _root = new();
    private int _folders;

    [Fact]
    public async Task Import_KilledAtRandomPoints_TheRerunLeavesTheStoreOfAnUninterruptedImport()
    {
        var schedule = new KillSchedule("import", 1, output.WriteLine);
        var csv = _root.File("audit-trail.csv");
        CrashInputs.WriteServiceNowAuditTrail(csv, incidents: 8_000);
        string[] import = ["import", csv, "--profile", "servicenow", "--date-format", "iso", "--time-zone", "UTC"];

        await KillAndRerunAsync(schedule, ImportKills, folder => Settings(folder), import);
    }

    [Fact]
    public async Task Sync_KilledAtRandomPoints_TheRerunLeavesTheStoreOfAnUninterruptedSync()
    {
        var schedule = new KillSchedule("sync", 2, output.WriteLine);
        var source = _root.File("source.db");
        CrashInputs.WriteCanonicalSource(source, tickets: 10_000);

        await KillAndRerunAsync(schedule, SyncKills, folder => SyncSettings(folder, source), ["sync"]);
    }

    [Fact]
    public async Task WeeklyReports_KilledAtRandomPoints_TheRestartedWorkerFinishesThem_AndEveryReaderHasOneMailPerReport()
    {
        var schedule = new KillSchedule("weekly reports", 3, output.WriteLine);
        var template = await ReportTemplateAsync();

        var reference = NewFolder("reports-reference");
        await using (var sink = await StartSinkAsync(reference))
        {
            CopyStore(template, reference);
            var worker = StartRun(reference, sink, fireWeeklyReports: true);
            await using (worker.Process)
            {
                await schedule.MeasureAsync(worker.Process, worker.Clock, () => JobRuns(reference) + ReportFiles(reference).Count + StoreDump.Count(Store(reference), "outbox") + Delivered(reference), () => ReportsDone(reference), RerunTimeout);
            }

            Assert.True(MailCheck.Problems(Store(reference), sink) is null, $"{schedule.Replay}: the uninterrupted run: {MailCheck.Problems(Store(reference), sink)}");
        }

        var expected = StoreDump.Read(Store(reference));
        var expectedReports = ReportFiles(reference);
        var mails = StoreDump.Count(Store(reference), "outbox");
        Assert.True(mails > 0 && expectedReports.Count > 0, $"{schedule.Replay}: the uninterrupted run queued {mails} mails and wrote {expectedReports.Count} reports");

        for (var kill = 1; kill <= ReportKills; kill++)
        {
            var folder = NewFolder($"reports-kill-{kill}");
            CopyStore(template, folder);
            await using var sink = await StartSinkAsync(folder);
            TimeSpan delay;
            var worker = StartRun(folder, sink, fireWeeklyReports: true);
            await using (worker.Process)
            {
                (delay, _) = await schedule.KillAsync(kill, worker.Process, worker.Clock, () => JobRuns(folder) > 0);
            }

            var queued = StoreDump.Count(Store(folder), "outbox");
            schedule.Landed(delay, JobRuns(folder) == 0 ? KillSchedule.Landing.Before : ReportsDone(folder) && queued == mails ? KillSchedule.Landing.After : KillSchedule.Landing.MidWork,
                $"{queued} of {mails} mails queued, {StoreDump.Count(Store(folder), "outbox", "status = 'sent'")} sent, {ReportFiles(folder).Count} report files");
            var what = $"{schedule.Replay}, kill {kill} at {delay.TotalSeconds:0.00} s";

            var restarted = StartRun(folder, sink, fireWeeklyReports: false);
            await using (restarted.Process)
            {
                await WaitForAsync(() => ReportsDone(folder) && StoreDump.Count(Store(folder), "outbox") >= mails, restarted.Process, $"{what}: the restarted worker did not finish the weekly reports and their mail");
            }

            AssertSameStore(expected, folder, what);
            Assert.True(MailCheck.Problems(Store(folder), sink) is null, $"{what}:\n{MailCheck.Problems(Store(folder), sink)}");
            Assert.Equal(expectedReports, ReportFiles(folder));
            foreach (var file in Directory.GetFiles(Path.Combine(folder, "reports"), "*", SearchOption.AllDirectories))
            {
                AssertWholePdf(file, what);
            }
        }

        Report(schedule);
    }

    [Fact]
    public async Task MailDelivery_KilledAtRandomPointsAndMidSend_EachRecipientHasOneMailPerReportOrAnUnconfirmedEntry()
    {
        var schedule = new KillSchedule("mail delivery", 4, output.WriteLine);
        var template = NewFolder("mail-template");
        QueueMails(template, kinds: 2, recipients: 20);
        Checkpoint(template);

        var reference = NewFolder("mail-reference");
        await using (var sink = await StartSinkAsync(reference))
        {
            CopyStore(template, reference);
            var worker = StartRun(reference, sink, fireWeeklyReports: false);
            await using (worker.Process)
            {
                await schedule.MeasureAsync(worker.Process, worker.Clock, () => Delivered(reference) + StoreDump.Count(Store(reference), "outbox", "status = 'sent'"), () => MailCheck.Unsettled(Store(reference)) == 0, RerunTimeout);
            }

            Assert.True(MailCheck.Problems(Store(reference), sink) is null, $"{schedule.Replay}: the uninterrupted run: {MailCheck.Problems(Store(reference), sink)}");
        }

        var expected = StoreDump.Read(Store(reference));
        var mails = StoreDump.Count(Store(reference), "outbox");
        for (var kill = 1; kill <= MailKills; kill++)
        {
            var folder = NewFolder($"mail-kill-{kill}");
            CopyStore(template, folder);
            await using var sink = await StartSinkAsync(folder);

            // Every other kill lands while the server has stored a message but not yet answered "250 accepted".
            var midSend = kill % 2 == 0;
            string? held = null;
            TimeSpan delay;
            var worker = StartRun(folder, sink, fireWeeklyReports: false);
            await using (worker.Process)
            {
                (delay, _) = await schedule.KillAsync(kill, worker.Process, worker.Clock, () => Delivered(folder) > 0, midSend ? async () => held = await HoldNextMessageAsync(sink, worker.Process, schedule.Replay, () => MailCheck.Unsettled(Store(folder)) == 0) : null);
                File.Delete(sink.HoldFile);
            }

            var sent = StoreDump.Count(Store(folder), "outbox", "status = 'sent'");
            var claimed = Delivered(folder);
            schedule.Landed(delay, claimed == 0 ? KillSchedule.Landing.Before : MailCheck.Unsettled(Store(folder)) == 0 ? KillSchedule.Landing.After : KillSchedule.Landing.MidWork,
                $"{sent} of {mails} sent, {claimed - sent} being sent{(midSend ? ", killed while the server held its reply" : "")}");
            var what = $"{schedule.Replay}, kill {kill} at {delay.TotalSeconds:0.00} s{(midSend ? " mid-send" : "")}";

            var restarted = StartRun(folder, sink, fireWeeklyReports: false);
            await using (restarted.Process)
            {
                await WaitForAsync(() => MailCheck.Unsettled(Store(folder)) == 0, restarted.Process, $"{what}: the restarted worker left mail pending or sending");
            }

            AssertSameStore(expected, folder, what);
            Assert.True(MailCheck.Problems(Store(folder), sink) is null, $"{what}:\n{MailCheck.Problems(Store(folder), sink)}");
            if (held is not null)
            {
                var unconfirmed = MailCheck.UnconfirmedMails(Store(folder)).Select(k => k.MessageId("localhost")).ToList();
                Assert.True(unconfirmed.Contains(held), $"{what}: the mail whose send was cut off ({held}) is not listed as unconfirmed; unconfirmed: {string.Join(", ", unconfirmed)}");
            }
        }

        Report(schedule);
    }

    /// <summary>Runs <paramref name="args"/> once uninterrupted, then kills and reruns it <paramref name="kills"/> times, comparing each store with the first.</summary>
    private async Task KillAndRerunAsync(KillSchedule schedule, int kills, Func<string, Dictionary<string, string>> settings, string[] args)
    {
        var reference = NewFolder($"{args[0]}-reference");
        var clock = Stopwatch.StartNew();
        await using (var worker = WorkerProcess.Start(reference, settings(reference), args))
        {
            await schedule.MeasureAsync(worker, clock, () => StoreDump.Count(Store(reference), "tickets") + StoreDump.Count(Store(reference), "quarantine"), () => worker.HasExited, RerunTimeout);
            Assert.True(worker.ExitCode == 0, $"{schedule.Replay}: the uninterrupted run exited {worker.ExitCode}:\n{worker.Output}");
        }

        var expected = StoreDump.Read(Store(reference));
        var tickets = expected["tickets"].Count;
        var quarantined = expected["quarantine"].Count;
        Assert.True(tickets > 0 && quarantined > 0, $"{schedule.Replay}: the uninterrupted run stored {tickets} tickets and quarantined {quarantined} rows");
        for (var kill = 1; kill <= kills; kill++)
        {
            var folder = NewFolder($"{args[0]}-kill-{kill}");
            bool exited;
            TimeSpan delay;
            clock.Restart();
            await using (var worker = WorkerProcess.Start(folder, settings(folder), args))
            {
                (delay, exited) = await schedule.KillAsync(kill, worker, clock, () => StoreDump.Count(Store(folder), "tickets") > 0);
            }

            var stored = StoreDump.Count(Store(folder), "tickets");
            var partial = stored < tickets || StoreDump.Count(Store(folder), "quarantine") < quarantined;
            schedule.Landed(
                delay,
                exited ? KillSchedule.Landing.After : stored == 0 ? KillSchedule.Landing.Before : partial ? KillSchedule.Landing.MidWork : KillSchedule.Landing.After,
                $"{stored} of {tickets} tickets stored{(exited ? ", the process had exited" : "")}");
            var what = $"{schedule.Replay}, kill {kill} at {delay.TotalSeconds:0.00} s";

            await using (var rerun = WorkerProcess.Start(folder, settings(folder), args))
            {
                var exit = await rerun.WaitForExitAsync(RerunTimeout);
                Assert.True(exit == 0, $"{what}: the rerun exited {exit}:\n{rerun.Output}");
            }

            AssertSameStore(expected, folder, what);
        }

        Report(schedule);
    }

    private static void AssertSameStore(IReadOnlyDictionary<string, IReadOnlyList<string>> expected, string folder, string what)
    {
        var difference = StoreDump.Difference(expected, StoreDump.Read(Store(folder)));
        Assert.True(difference is null, $"{what}: the store differs from the uninterrupted run's:\n{difference}");
    }

    private static void AssertWholePdf(string file, string what)
    {
        var bytes = File.ReadAllBytes(file);
        var text = System.Text.Encoding.ASCII.GetString(bytes, Math.Max(0, bytes.Length - 64), Math.Min(64, bytes.Length));
        Assert.True(
            bytes.AsSpan().StartsWith("%PDF-"u8) && text.Contains("%%EOF", StringComparison.Ordinal),
            $"{what}: {file} is not a whole PDF ({bytes.Length:N0} bytes)");
    }

    /// <summary>
    /// Turns the server's hold on and waits for the next message it stores (then sits on its reply), and a
    /// little more: a message stored after the hold began is one the worker is still waiting to hear about.
    /// Null when the worker had sent everything before the hold began (a fast machine): the kill then lands
    /// after the work, which the schedule counts as such.
    /// </summary>
    private static async Task<string?> HoldNextMessageAsync(SmtpSink sink, WorkerProcess worker, string replay, Func<bool> allSent)
    {
        await File.WriteAllTextAsync(sink.HoldFile, "hold");
        var before = sink.Messages().Count;
        await WaitForAsync(() => sink.Messages().Count > before || allSent(), worker, $"{replay}: no message reached the server after the hold began", TimeSpan.FromSeconds(30));
        if (sink.Messages().Count == before)
        {
            return null;
        }

        await Task.Delay(300);
        return sink.Messages()[^1].Message.MessageId!;
    }

    private static async Task WaitForAsync(Func<bool> condition, WorkerProcess worker, string failure, TimeSpan? timeout = null)
    {
        var limit = timeout ?? RerunTimeout;
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < limit && !worker.HasExited, $"{failure} (waited {clock.Elapsed.TotalSeconds:0} s{(worker.HasExited ? $", it exited {worker.ExitCode}" : "")}):\n{worker.Output}");
            await Task.Delay(25);
        }
    }

    /// <summary>A store with two teams' demo history and trained forecasts, and a job store holding the worker's schedule.</summary>
    private async Task<string> ReportTemplateAsync()
    {
        var template = NewFolder("reports-template");
        await SmallDemoStore.CreateAsync(template);

        // The worker stores its schedule on its first start; the weekly reports are set to fire in 2099.
        await using var sink = await StartSinkAsync(template);
        var first = StartRun(template, sink, fireWeeklyReports: false);
        await using (first.Process)
        {
            await WaitForAsync(() => StoreDump.Count(Path.Combine(template, "quartz.db"), "QRTZ_TRIGGERS", "TRIGGER_NAME = 'weekly-reports-schedule'") > 0, first.Process, "the worker did not store its schedule");
        }

        Checkpoint(template);
        return template;
    }

    /// <summary>Mails as the weekly job queues them, each with a 100 KB attachment, so that sending them takes the worker a while.</summary>
    private static void QueueMails(string folder, int kinds, int recipients)
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(folder));
        var pdf = new byte[100_000];
        new Random(14).NextBytes(pdf);
        for (var kind = 1; kind <= kinds; kind++)
        {
            for (var r = 1; r <= recipients; r++)
            {
                var mail = DeliveryHarness.ReportMail($"report-{kind}", "2026-W47", ReportAudience.Department, $"reader{r:00}@example.org");
                Assert.True(harness.Outbox.EnqueueAsync(mail with { Attachments = [new MailAttachment($"report-{kind}.pdf", pdf)] }, default).GetAwaiter().GetResult());
            }
        }
    }

    private static (WorkerProcess Process, Stopwatch Clock) StartRun(string folder, SmtpSink sink, bool fireWeeklyReports)
    {
        if (fireWeeklyReports)
        {
            // As on a Monday at 07:00: the stored trigger of the weekly reports is due now.
            using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "quartz.db")};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE QRTZ_TRIGGERS SET NEXT_FIRE_TIME = $now WHERE TRIGGER_NAME = 'weekly-reports-schedule'";
            command.Parameters.AddWithValue("$now", TimeProvider.System.GetUtcNow().UtcTicks);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        var settings = Settings(folder, TestSettings.EmbeddedWithSmtp(folder, sink.Port));
        settings["Delivery:From"] = "Workload monitor <workload@it.example.org>";
        settings["Delivery:Smtp:Timeout"] = "00:00:20";

        // A send cut off by a kill is taken as interrupted a second later, and the restarted worker looks at once.
        settings["Delivery:SendingLease"] = "00:00:01";
        settings["Delivery:PollInterval"] = "00:00:00.5";
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        settings["Delivery:Department:Recipients:1"] = "hr-lead@example.org";
        foreach (var (team, manager) in ((string, string)[])[("Service Desk", "anna"), ("Workplace", "bram")])
        {
            settings[$"Delivery:Teams:{team}:Managers:0"] = $"{manager}@example.org";
            settings[$"Delivery:Teams:{team}:Recipients:0"] = $"{manager}-deputy@example.org";
        }

        settings["Reporting:OutputFolder"] = Path.Combine(folder, "reports");
        settings["Jobs:AsOf"] = "2026-11-22";
        settings["Jobs:WeeklyReports:Cron"] = "0 0 7 1 1 ? 2099";
        settings["Jobs:WeeklyReports:TimeZone"] = "Europe/Amsterdam";
        settings["Jobs:Sync:Enabled"] = "false";
        settings["Jobs:RetrainForecasts:Enabled"] = "false";
        settings["Jobs:OverloadCheck:Enabled"] = "false";
        var clock = Stopwatch.StartNew();
        return (WorkerProcess.Start(folder, settings, "run"), clock);
    }

    private static Dictionary<string, string> Settings(string folder, Dictionary<string, string?>? settings = null) =>
        (settings ?? TestSettings.Embedded(folder)).Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);

    private static Dictionary<string, string> SyncSettings(string folder, string source)
    {
        var settings = Settings(folder);
        settings["Sync:Sources:0:Name"] = "legacy";
        settings["Sync:Sources:0:Provider"] = "Sqlite";
        settings["Sync:Sources:0:ConnectionString"] = $"Data Source={source};Pooling=False;Mode=ReadOnly";
        settings["Sync:Sources:0:QueryFile"] = Path.Combine(AppContext.BaseDirectory, "sql", "sources", "canonical-sqlite.sql");
        settings["Sync:Sources:0:TimeZone"] = "UTC";
        settings["Sync:BatchSize"] = "250";
        return settings;
    }

    private static async Task<SmtpSink> StartSinkAsync(string folder) => await SmtpSink.StartAsync(Path.Combine(folder, "smtp"));

    private static string Store(string folder) => Path.Combine(folder, "analytics.db");

    private static long JobRuns(string folder) => StoreDump.Count(Store(folder), "job_runs", $"job = '{WeeklyReportsJob}'");

    private static long Delivered(string folder) => StoreDump.Count(Store(folder), "outbox", $"status <> '{OutboxStatus.Pending}'");

    private static bool ReportsDone(string folder) =>
        StoreDump.Count(Store(folder), "job_runs", $"job = '{WeeklyReportsJob}' AND outcome = 'succeeded'") > 0
        && StoreDump.Count(Store(folder), "outbox") > 0
        && MailCheck.Unsettled(Store(folder)) == 0;

    private static List<string> ReportFiles(string folder)
    {
        var reports = Path.Combine(folder, "reports");
        return Directory.Exists(reports)
            ? [.. Directory.GetFiles(reports, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(reports, f)).Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Folds each SQLite file's write-ahead log into it, so the file alone is the whole database to copy.</summary>
    private static void Checkpoint(string folder)
    {
        foreach (var file in Directory.GetFiles(folder, "*.db"))
        {
            using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            command.ExecuteNonQuery();
        }
    }

    private static void CopyStore(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*.db*"))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    private string NewFolder(string name)
    {
        var folder = _root.File($"{++_folders:00}-{name}");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private void Report(KillSchedule schedule)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{schedule.Phase}: {schedule.MidWork} of {schedule.Kills} kills landed mid-work; {schedule.Replay}"));
    }

    public void Dispose() => _root.Dispose();
}
