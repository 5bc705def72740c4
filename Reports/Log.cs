using Microsoft.Extensions.Logging;

namespace Reports;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "Report font '{Requested}' is not installed; reports use '{Fallback}' instead. Install the font or change the report font setting.")]
    public static partial void ReportFontMissing(ILogger logger, string requested, string fallback);
}
