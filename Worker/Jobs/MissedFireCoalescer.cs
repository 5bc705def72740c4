using Microsoft.Extensions.Logging;
using Quartz;

namespace Worker.Jobs;

/// <summary>
/// A missed fire runs once, whatever the length of the outage. Quartz applies "fire once now" only to a
/// trigger later than the misfire threshold; a shorter outage (or a worker killed while holding several fires)
/// makes every missed fire of a frequent schedule run back to back. A cron fire whose successor is already
/// due is therefore skipped: the last of a run of missed fires is the one that runs.
/// </summary>
public sealed class MissedFireCoalescer(TimeProvider time, ILogger<MissedFireCoalescer> logger) : ITriggerListener
{
    public string Name => "missed-fire-coalescer";

    public ValueTask<bool> VetoJobExecution(ITrigger trigger, IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(context);

        // Only the schedule's cron triggers: a recovery or an operator's "jobs trigger" fires once and must run.
        if (trigger is ICronTrigger && trigger.NextFireTimeUtc is { } next && next <= time.GetUtcNow())
        {
            ClusterLog.MissedFireCoalesced(logger, context.JobDetail.Key.Name, context.ScheduledFireTimeUtc, next);
            return ValueTask.FromResult(true);
        }

        return ValueTask.FromResult(false);
    }
}
