using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;
using Worker.Hosting;

namespace Worker.Jobs;

/// <summary>
/// Puts the configured schedule into the job store before the scheduler starts. A trigger already stored
/// with the same cron expression, time zone and misfire policy is left untouched: replacing it would reset
/// its next fire time to the future and so lose a fire missed while the worker was down. A job whose
/// application service is not registered is taken out of the schedule, so the host runs without it.
/// </summary>
public sealed class JobScheduleInstaller(
    ISchedulerFactory schedulers,
    IServiceProviderIsService services,
    IOptions<JobsOptions> options,
    JobRunLog runs,
    ILogger<JobScheduleInstaller> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var job in JobCatalog.All)
        {
            await InstallAsync(scheduler, job, cancellationToken);
        }

        // Before the scheduler starts, so a recovery of those runs finds them marked and names the one it replaces.
        var instance = scheduler.SchedulerInstanceId;
        if (await runs.MarkInterruptedAsync(instance, cancellationToken) is var interrupted and > 0)
        {
            ClusterLog.RunsInterrupted(logger, interrupted, instance);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal async Task InstallAsync(IScheduler scheduler, JobDefinition job, CancellationToken cancellationToken)
    {
        var schedule = job.Schedule(options.Value);
        if (job.RequiredService is { } needed && !services.IsService(needed))
        {
            await scheduler.DeleteJob(job.Key, cancellationToken);
            Log.JobNotScheduled(logger, job.Name, needed.Name);
            return;
        }

        if (!schedule.Enabled)
        {
            await scheduler.DeleteJob(job.Key, cancellationToken);
            if (schedule.OffBecause is { } reason)
            {
                ScheduleLog.JobOff(logger, job.Name, reason);
            }
            else
            {
                Log.JobDisabled(logger, job.Name, job.Setting);
            }

            return;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        var detail = JobBuilder.Create().OfType(job.JobType)
            .WithIdentity(job.Key)
            .WithDescription(job.Description)
            .StoreDurably()
            .RequestRecovery()
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(job.TriggerKey)
            .ForJob(job.Key)
            .WithCronSchedule(schedule.Cron, cron => cron.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
            .Build();

        var stored = await scheduler.GetTrigger(job.TriggerKey, cancellationToken) as ICronTrigger;
        if (stored is not null
            && stored.CronExpressionString == schedule.Cron
            && stored.TimeZone.Id == zone.Id
            && stored.MisfireInstruction == CronTriggerMisfireInstruction.FireAndProceed)
        {
            Log.JobScheduleKept(logger, job.Name, schedule.Cron, zone.Id, stored.NextFireTimeUtc);
            return;
        }

        try
        {
            await scheduler.ScheduleJob(detail, [trigger], ScheduleJobOptions.Replacing, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another worker of the cluster stored it at the same moment; its copy is the same schedule.
        }

        Log.JobScheduled(logger, job.Name, schedule.Cron, zone.Id, trigger.NextFireTimeUtc);
    }
}
