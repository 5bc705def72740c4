using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Analytics.Storage;
using Microsoft.Extensions.Options;
using Quartz;
using Worker.Delivery;
using Worker.Hosting;
using Worker.Telemetry;

namespace Worker.Jobs;

/// <summary>
/// Wraps every job: the run is logged, counted and timed in the metrics, and recorded in job_runs with the
/// worker that ran it, so the jobs themselves stay one line and the cluster's history is in one place.
/// </summary>
/// <remarks>A failed run, and the next success, are mailed to the operators by <see cref="JobFailureAlerts"/>.</remarks>
public sealed class JobRunMiddleware(
    JobRunLog runs,
    WorkerMetrics metrics,
    ILogger<JobRunMiddleware> logger,
    IDbConnectionFactory connections,
    IOptions<DeliveryOptions> delivery,
    Outbox? outbox = null) : IJobExecutionMiddleware
{
    // Built here rather than registered, so the schedule works in hosts composed without delivery (no outbox: no alerts).
    private readonly JobFailureAlerts? _alerts = outbox is null ? null : new JobFailureAlerts(connections, outbox, delivery);

    public async ValueTask Invoke(IJobExecutionContext context, JobExecutionDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var job = context.JobDetail.Key.Name;
        var instance = context.Scheduler.SchedulerInstanceId;
        Log.JobStarted(logger, job, context.ScheduledFireTimeUtc, instance, context.Recovering);
        await runs.StartedAsync(context.FireInstanceId, job, context.ScheduledFireTimeUtc, instance, context.Recovering, cancellationToken);

        var clock = Stopwatch.StartNew();
        var outcome = "failed";
        string? detail = null;
        try
        {
            await next(context, cancellationToken);
            outcome = "succeeded";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = "cancelled";
            throw;
        }
        catch (Exception ex)
        {
            detail = ex.Message;
            Log.JobFailed(logger, job, ex.Message, ex);
            throw new JobExecutionException(ex);
        }
        finally
        {
            metrics.JobRun(job, outcome, clock.Elapsed);
            Log.JobFinished(logger, job, outcome, clock.Elapsed.TotalSeconds);
            try
            {
                await runs.FinishedAsync(context.FireInstanceId, outcome, detail, CancellationToken.None);
            }
            catch (System.Data.Common.DbException ex)
            {
                // The store went away during the run: the job's own outcome above is what matters.
                Log.JobRunUnrecorded(logger, job, ex.Message);
            }

            await AlertAsync(job, context.FireInstanceId, outcome, detail);
        }
    }

    private async Task AlertAsync(string job, string fireInstanceId, string outcome, string? detail)
    {
        if (_alerts is null)
        {
            return;
        }

        try
        {
            await _alerts.RunEndedAsync(job, fireInstanceId, outcome, detail, CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or InvalidOperationException)
        {
            // The alert rides on the store; when that is gone the log line is all that can be done.
            Log.JobAlertNotQueued(logger, job, ex.Message);
        }
    }
}
