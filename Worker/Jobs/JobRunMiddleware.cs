using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Quartz;
using Worker.Hosting;
using Worker.Telemetry;

namespace Worker.Jobs;

/// <summary>
/// Wraps every job: the run is logged, counted and timed in the metrics, and recorded in job_runs with the
/// worker that ran it, so the jobs themselves stay one line and the cluster's history is in one place.
/// </summary>
public sealed class JobRunMiddleware(JobRunLog runs, WorkerMetrics metrics, ILogger<JobRunMiddleware> logger) : IJobExecutionMiddleware
{
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
        }
    }
}
