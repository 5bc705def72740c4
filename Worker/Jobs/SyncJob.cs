using Quartz;

namespace Worker.Jobs;

/// <summary>Hourly by default: pulls ticket history from every source. The work is <see cref="SyncService.RunAsync"/>.</summary>
[DisallowConcurrentExecution]
public sealed class SyncJob(SyncService sync) : IJob
{
    public static readonly JobKey Key = new("sync", JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await sync.RunAsync(cancellationToken);
}
