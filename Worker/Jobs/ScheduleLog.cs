using Microsoft.Extensions.Logging;

namespace Worker.Jobs;

/// <summary>What the worker says about a job it leaves off the schedule by itself.</summary>
internal static partial class ScheduleLog
{
    [LoggerMessage(EventId = 4025, Level = LogLevel.Information, Message = "Job '{Job}' is off: {Reason}.")]
    public static partial void JobOff(ILogger logger, string job, string reason);
}
