using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;
using Spectre.Console;
using Worker.Jobs;

namespace Worker.Cli;

/// <summary><c>jobs list</c> and <c>jobs trigger NAME</c>: the schedule as the job store holds it, and a run on demand.</summary>
public static class JobsCommand
{
    public const int UnknownJob = 2;

    public const int JobStoreUnavailable = 1;

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var jobs = new Command("jobs", "The scheduled jobs.");

        var list = new Command("list", "List the jobs, their schedule, next fire time and last run.");
        list.SetAction(async (_, cancellationToken) => await WithHostAsync(compose, "jobs list", host => ListAsync(host, cancellationToken)));
        jobs.Add(list);

        var name = new Argument<string>("name") { Description = $"The job: {string.Join(", ", JobCatalog.All.Select(j => j.Name))}." };
        var trigger = new Command("trigger", "Run a job now: queued in the job store, the running worker (or a cluster node) runs it within seconds.") { name };
        trigger.SetAction(async (parse, cancellationToken) =>
            await WithHostAsync(compose, "jobs trigger", host => TriggerAsync(host, parse.GetRequiredValue(name), cancellationToken)));
        jobs.Add(trigger);
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
        var table = new Table().AddColumns("job", "schedule", "time zone", "state", "next fire", "last run");
        foreach (var job in JobCatalog.All)
        {
            var schedule = job.Schedule(options);
            var stored = await scheduler.GetTrigger(job.TriggerKey, cancellationToken);
            // "off" only when this composition lacks the job's service; otherwise the worker has just not stored it yet.
            var registered = host.Services.GetRequiredService<IServiceProviderIsService>();
            var state = stored is not null ? "scheduled" : job.RequiredService is { } s && !registered.IsService(s) ? $"off: no {s.Name}" : "not yet stored";
            if (!schedule.Enabled)
            {
                state = "disabled";
            }

            var last = runs.TryGetValue(job.Key.Name, out var run)
                ? $"{run.StartedAt.ToString("u", CultureInfo.InvariantCulture)} {run.Outcome ?? "running"} on {run.InstanceId}"
                  + (run.Replaces is { } replaced
                      ? $" (rerun of the run started {replaced.StartedAt.ToString("u", CultureInfo.InvariantCulture)} on {replaced.InstanceId}, interrupted)"
                      : string.Empty)
                : "-";
            table.AddRow(
                job.Name,
                Markup.Escape(schedule.Cron),
                Markup.Escape(schedule.TimeZone),
                Markup.Escape(state),
                stored?.NextFireTimeUtc?.ToString("u", CultureInfo.InvariantCulture) ?? "-",
                Markup.Escape(last));
        }

        // Piped to a file or grep, rows stay on one line each instead of wrapping at 80 columns.
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 240;
        }

        AnsiConsole.Write(table);
        return 0;
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
