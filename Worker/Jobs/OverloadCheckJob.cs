using Quartz;

namespace Worker.Jobs;

/// <summary>Daily by default: runs the overload check through <see cref="IOverloadCheck"/>.</summary>
[DisallowConcurrentExecution]
public sealed class OverloadCheckJob(IOverloadCheck check) : IJob
{
    public static readonly JobKey Key = new("overload-check", JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await check.RunAsync(cancellationToken);
}
