using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using Spectre.Console;
using Worker.Jobs;

namespace Worker.Cli;

/// <summary><c>jobs list</c>, <c>jobs history NAME</c> and <c>jobs trigger NAME</c>: the schedule as the job store holds it, past runs, and a run on demand.</summary>
public static class JobsCommand
{
    public const int UnknownJob = 2;

    public const int JobStoreUnavailable = 1;

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var jobs = new Command("jobs", "The scheduled jobs.");

        var list = new Command("list", "List the jobs as the job store holds them: schedule, time zone, next and previous fire in that zone, last run.");
        list.SetAction(async (_, cancellationToken) => await WithHostAsync(compose, "jobs list", host => ListAsync(host, cancellationToken)));
        jobs.Add(list);

        var name = new Argument<string>("name") { Description = $"The job: {string.Join(", ", JobCatalog.All.Select(j => j.Name))}." };
        var trigger = new Command("trigger", "Run a job now: queued in the job store, the running worker (or a cluster node) runs it within seconds.") { name };
        trigger.SetAction(async (parse, cancellationToken) =>
            await WithHostAsync(compose, "jobs trigger", host => TriggerAsync(host, parse.GetRequiredValue(name), cancellationToken)));
        jobs.Add(trigger);

        var job = new Argument<string>("name") { Description = name.Description };
        var last = new Option<int>("--last", "-n") { Description = "How many runs, newest first (1 to 1000).", DefaultValueFactory = _ => 20 };
        last.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000)
            {
                r.AddError("--last must be between 1 and 1000.");
            }
        });
        var history = new Command("history", "Past runs of a job from the job log: started, finished, outcome, worker, and which interrupted run a rerun replaced.") { job, last };
        history.SetAction(async (parse, cancellationToken) =>
            await WithHostAsync(compose, "jobs history", host => HistoryAsync(host, parse.GetRequiredValue(job), parse.GetValue(last), cancellationToken)));
        jobs.Add(history);
        return jobs;
    }

    private static async Task<int> WithHostAsync(Action<IHostApplicationBuilder> compose, string what, Func<IHost, Task<int>> action)
    {
        // The job store is connected to first: unreachable, it is a setting the boundary names (exit 3).
        using var host = CliHost.BuildWithJobStore(compose);
        try
        {
            return await action(host);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or SchedulerException)
        {
            // Reached at start but failing now (its tables, a lost connection): the store, not the setting.
            var cause = ConfigurationErrors.Chain(ex).OfType<System.Data.Common.DbException>().FirstOrDefault() ?? ex.GetBaseException();
            await Console.Error.WriteLineAsync($"{what}: the job store cannot be read ({ConfigurationErrors.OneLine(cause.Message)}); check Jobs:Store.");
            return JobStoreUnavailable;
        }
    }

    private static async Task<int> ListAsync(IHost host, CancellationToken cancellationToken)
    {
        var options = host.Services.GetRequiredService<IOptions<JobsOptions>>().Value;
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var runs = await host.Services.GetRequiredService<JobRunLog>().LatestAsync(cancellationToken);
        var registered = host.Services.GetRequiredService<IServiceProviderIsService>();
        var table = new Table().AddColumns("job", "schedule", "time zone", "state", "next fire", "previous fire", "last run");
        foreach (var job in JobCatalog.All)
        {
            // The job store is the truth: what the scheduler will fire, which may differ from settings changed
            // since the worker last started (they are applied at its next start).
            var settings = job.Schedule(options);
            var stored = await scheduler.GetTrigger(job.TriggerKey, cancellationToken);
            var cron = stored as ICronTrigger;
            var zone = cron?.TimeZone ?? Zone(settings.TimeZone);
            var schedule = cron?.CronExpressionString ?? settings.Cron;
            string state;
            if (stored is null)
            {
                // "off" only when this composition lacks the job's service; otherwise the worker has just not stored it yet.
                state = !settings.Enabled ? "disabled"
                    : job.RequiredService is { } s && !registered.IsService(s) ? $"off: no {s.Name}"
                    : "not yet stored (schedule from settings)";
            }
            else
            {
                state = await scheduler.GetTriggerState(job.TriggerKey, cancellationToken) switch
                {
                    TriggerState.Paused => "paused",
                    TriggerState.Blocked => "running",
                    TriggerState.Error => "error",
                    TriggerState.Complete => "complete",
                    _ => "scheduled",
                };
                if (!settings.Enabled)
                {
                    state += "; disabled in settings from the next start";
                }
                else if (!string.Equals(settings.Cron, schedule, StringComparison.Ordinal) || !string.Equals(settings.TimeZone, zone.Id, StringComparison.Ordinal))
                {
                    state += $"; settings say {settings.Cron} {settings.TimeZone} from the next start";
                }
            }

            var last = runs.TryGetValue(job.Key.Name, out var run)
                ? $"{Local(run.StartedAt, zone)} {run.Outcome ?? "running"} on {run.InstanceId}"
                  + (run.Replaces is { } replaced ? $" (rerun of the run started {Local(replaced.StartedAt, zone)} on {replaced.InstanceId}, interrupted)" : string.Empty)
                : "-";
            table.AddRow(
                job.Name,
                Markup.Escape(schedule),
                Markup.Escape(zone.Id),
                Markup.Escape(state),
                Markup.Escape(Local(stored?.NextFireTimeUtc, zone)),
                Markup.Escape(Local(stored?.PreviousFireTimeUtc, zone)),
                Markup.Escape(last));
        }

        WideWhenRedirected();
        AnsiConsole.Write(table);
        return 0;
    }

    private static async Task<int> HistoryAsync(IHost host, string name, int last, CancellationToken cancellationToken)
    {
        if (JobCatalog.Find(name) is not { } job)
        {
            await Console.Error.WriteLineAsync($"jobs history: unknown job '{name}'; the jobs are {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
            return UnknownJob;
        }

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        var zone = (await scheduler.GetTrigger(job.TriggerKey, cancellationToken) as ICronTrigger)?.TimeZone
            ?? Zone(job.Schedule(host.Services.GetRequiredService<IOptions<JobsOptions>>().Value).TimeZone);
        var runs = await ActivatorUtilities.CreateInstance<JobRunHistory>(host.Services).LastAsync(job.Key.Name, last, cancellationToken);
        if (runs.Count == 0)
        {
            AnsiConsole.MarkupLine($"No run of '{Markup.Escape(job.Name)}' is recorded yet.");
            return 0;
        }

        var table = new Table().AddColumns("started", "finished", "seconds", "outcome", "worker", "note");
        foreach (var run in runs)
        {
            var note = string.Join("; ", new[]
            {
                run.Replaces is { } replaced ? $"rerun of the run started {Local(replaced.StartedAt, zone)} on {replaced.InstanceId}, interrupted" : null,
                run.Detail,
            }.Where(n => !string.IsNullOrEmpty(n)));
            table.AddRow(
                Local(run.StartedAt, zone),
                Markup.Escape(Local(run.FinishedAt, zone)),
                run.FinishedAt is { } end ? (end - run.StartedAt).TotalSeconds.ToString("0", CultureInfo.InvariantCulture) : "-",
                Markup.Escape(run.Outcome ?? "running"),
                Markup.Escape(run.InstanceId),
                Markup.Escape(ConfigurationErrors.OneLine(note)));
        }

        table.Caption($"times in {Markup.Escape(zone.Id)}, newest first");
        WideWhenRedirected();
        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>An instant as the job's clock reads it, with the offset, so a DST change is visible.</summary>
    internal static string Local(DateTimeOffset? instant, TimeZoneInfo zone) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture) : "-";

    private static TimeZoneInfo Zone(string id) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static void WideWhenRedirected()
    {
        // Piped to a file or grep, rows stay on one line each instead of wrapping at 80 columns.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }
    }

    private static async Task<int> TriggerAsync(IHost host, string name, CancellationToken cancellationToken)
    {
        if (JobCatalog.Find(name) is not { } job)
        {
            await Console.Error.WriteLineAsync($"jobs trigger: unknown job '{name}'; the jobs are {string.Join(", ", JobCatalog.All.Select(j => j.Name))}.");
            return UnknownJob;
        }

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        if (!await scheduler.Exists(job.Key, cancellationToken))
        {
            await Console.Error.WriteLineAsync(
                $"jobs trigger: '{job.Name}' is not in the schedule: the worker has not run yet with this job store, the job is disabled, or its service is not registered.");
            return UnknownJob;
        }

        await scheduler.TriggerJob(job.Key, cancellationToken);
        AnsiConsole.MarkupLine($"'{job.Name}' queued: the running worker runs it within seconds ([grey]jobs list[/] shows the run).");
        return 0;
    }
}
