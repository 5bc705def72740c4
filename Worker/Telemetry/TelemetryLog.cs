using Microsoft.Extensions.Logging;

namespace Worker.Telemetry;

internal static partial class TelemetryLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Data freshness not measured: the store cannot be read ({Reason})")]
    public static partial void FreshnessUnread(ILogger logger, string reason);
}
