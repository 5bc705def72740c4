using System.Data.Common;
using Analytics.Storage;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Worker.Jobs;

/// <summary>
/// A clean stop leaves the cluster quietly. Quartz keeps a stopped worker's check-in row, so the others find
/// it stale a few seconds later and log "detected 1 failed or restarted instances" as for a crash. Registered
/// before Quartz's hosted service, this stops after the scheduler has finished its jobs and removes the row,
/// unless a fire of this worker is still registered: then the row stays so the others recover that fire.
/// </summary>
public sealed class ClusterDeparture(ISchedulerFactory schedulers, IOptions<JobsOptions> options, ILogger<ClusterDeparture> logger) : IHostedService
{
    private IScheduler? _scheduler;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Store.Clustered)
        {
            _scheduler = await schedulers.GetScheduler(cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Still running means Quartz's own stop did not finish (a failed start, or the host gave up waiting).
        if (_scheduler is not { Status: SchedulerStatus.Shutdown } scheduler)
        {
            return;
        }

        var store = options.Value.Store;
        var instance = scheduler.SchedulerInstanceId;
        try
        {
            await using var connection = SqlDialect.For(store.Provider).CreateConnection(store.ConnectionString);
            await connection.OpenAsync(CancellationToken.None);
            var removed = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                DELETE FROM {store.TablePrefix}SCHEDULER_STATE
                WHERE SCHED_NAME = @scheduler AND INSTANCE_NAME = @instance
                  AND NOT EXISTS (SELECT 1 FROM {store.TablePrefix}FIRED_TRIGGERS f WHERE f.SCHED_NAME = @scheduler AND f.INSTANCE_NAME = @instance)
                """,
                new { scheduler = scheduler.SchedulerName, instance }));
            if (removed > 0)
            {
                ClusterLog.LeftCluster(logger, instance);
            }
            else if (await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                $"SELECT COUNT(*) FROM {store.TablePrefix}FIRED_TRIGGERS WHERE SCHED_NAME = @scheduler AND INSTANCE_NAME = @instance",
                new { scheduler = scheduler.SchedulerName, instance })) > 0)
            {
                ClusterLog.LeftWithRunsToRecover(logger, instance);
            }
        }
        catch (DbException ex)
        {
            ClusterLog.LeaveFailed(logger, instance, ex.Message);
        }
    }
}
