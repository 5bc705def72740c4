using Analytics.Storage;

namespace Worker.Jobs;

/// <summary>The schedule of every job and where Quartz keeps it. Section "Jobs".</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Compute every job's figures as of this moment instead of the time it fires: a date (its end in the
    /// department's time zone) or an instant with an offset. For a pilot on a historical export, or to replay a
    /// past week. What is recorded (sync runs, mails, the job log) keeps the real time. Default: unset (now).
    /// The reporting commands use it too unless given <c>--as-of</c>.
    /// </summary>
    public string? AsOf { get; set; }

    /// <summary>Where the schedule and running jobs are kept. Default: a SQLite file under ./out.</summary>
    public JobStoreOptions Store { get; set; } = new();

    /// <summary>Sync of ticket history from the configured sources. Default: hourly, on the hour.</summary>
    public JobScheduleOptions Sync { get; set; } = new() { Cron = "0 0 * * * ?" };

    /// <summary>Retraining of the forecasting models. Default: nightly at 02:30.</summary>
    public JobScheduleOptions RetrainForecasts { get; set; } = new() { Cron = "0 30 2 * * ?" };

    /// <summary>Overload check (alert mail only when a flag is new or worse). Default: daily at 06:00.</summary>
    public JobScheduleOptions OverloadCheck { get; set; } = new() { Cron = "0 0 6 * * ?" };

    /// <summary>Weekly reports for the week just ended. Default: Monday 07:00.</summary>
    public JobScheduleOptions WeeklyReports { get; set; } = new() { Cron = "0 0 7 ? * MON" };

    /// <summary>
    /// The look into the watched folders (Import:Folders). Default: every minute. Off while Import:Folders names
    /// no folder.
    /// </summary>
    public JobScheduleOptions ImportFolders { get; set; } = new() { Cron = "0 * * * * ?" };
}

/// <summary>When one job runs.</summary>
public sealed class JobScheduleOptions
{
    /// <summary>Quartz cron expression with seconds: "sec min hour day-of-month month day-of-week [year]".</summary>
    public string Cron { get; set; } = string.Empty;

    /// <summary>The time zone the cron expression is read in (IANA or Windows id). Default: Europe/Amsterdam.</summary>
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>A disabled job is removed from the schedule. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Why the worker itself turned the job off (nothing for it to do), said instead of "disabled"; not a setting.</summary>
    internal string? OffBecause { get; set; }
}

/// <summary>Quartz's job store.</summary>
public sealed class JobStoreOptions
{
    /// <summary>Sqlite (embedded, one worker), Postgres or SqlServer (clustered: several workers). Default Sqlite.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>ADO.NET connection string of the job store. Default: out/quartz.db beside the working directory.</summary>
    public string ConnectionString { get; set; } = "Data Source=out/quartz.db";

    /// <summary>Several workers share the job store; each trigger fires on one of them, and a dead worker's jobs are recovered. Default false.</summary>
    public bool Clustered { get; set; }

    /// <summary>This worker's name in the cluster; "AUTO" derives a unique one at start. Default AUTO.</summary>
    public string InstanceId { get; set; } = "AUTO";

    /// <summary>
    /// How often a clustered worker says it is alive. Default 5 seconds. With the threshold below, a killed
    /// worker's running job restarts on another within about 3 x this + the threshold + the misfire threshold
    /// (Quartz waits one more check-in before taking over a job that disallows concurrent runs); see
    /// docs/operations.md for the measured times.
    /// </summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long past a missed check-in the others wait before recovering a worker's jobs. Default 15 seconds: a
    /// worker stalled (a database failover, a long pause) for longer is taken for dead and its jobs rerun.
    /// </summary>
    public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How late a fire may be before it counts as missed; a missed fire runs once, at once, and the schedule
    /// goes on from then. Also how often each worker looks for missed fires. Default 5 seconds.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Prefix of Quartz's tables, which the worker creates at start when they are missing. Default QRTZ_.</summary>
    public string TablePrefix { get; set; } = "QRTZ_";
}
