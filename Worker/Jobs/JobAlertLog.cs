using Microsoft.Extensions.Logging;

namespace Worker.Hosting;

/// <summary>The alerting's log lines, beside the jobs' own in Log.cs.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4050, Level = LogLevel.Warning, Message = "Job '{Job}': the operators' alert could not be queued: {Error}")]
    public static partial void JobAlertNotQueued(ILogger logger, string job, string error);
}
