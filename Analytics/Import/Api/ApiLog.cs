using Microsoft.Extensions.Logging;

namespace Analytics.Import.Api;

internal static partial class ApiLog
{
    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Source '{Source}': {Path} answered {Status}; retry {Retry} of {MaxRetries} in {Wait:0.0} s.")]
    public static partial void Retrying(ILogger logger, string source, string path, string status, int retry, int maxRetries, double wait);
}
