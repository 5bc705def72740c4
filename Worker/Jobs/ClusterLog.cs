using Microsoft.Extensions.Logging;

namespace Worker.Jobs;

/// <summary>What the worker says about missed fires, interrupted runs and leaving the cluster.</summary>
internal static partial class ClusterLog
{
    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Job '{Job}': the fire due at {Scheduled:u} is skipped, the next one (due {Next:u}) has come too; a missed fire runs once.")]
    public static partial void MissedFireCoalesced(ILogger logger, string job, DateTimeOffset? scheduled, DateTimeOffset next);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Warning, Message = "{Count} job runs of this worker ({Instance}) were cut off when it last stopped; marked interrupted.")]
    public static partial void RunsInterrupted(ILogger logger, int count, string instance);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Information, Message = "Left the cluster: {Instance} is no longer in the job store's list of workers.")]
    public static partial void LeftCluster(ILogger logger, string instance);

    [LoggerMessage(EventId = 4023, Level = LogLevel.Warning, Message = "{Instance} stopped with runs still registered in the job store; the other workers will recover them.")]
    public static partial void LeftWithRunsToRecover(ILogger logger, string instance);

    [LoggerMessage(EventId = 4024, Level = LogLevel.Warning, Message = "Could not remove {Instance} from the job store's list of workers ({Error}); the others will report it as failed.")]
    public static partial void LeaveFailed(ILogger logger, string instance, string error);
}
