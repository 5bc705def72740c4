using Analytics.Calendar;
using Microsoft.Extensions.Logging;

namespace Worker.Reporting;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Reports for {Week}: {Reports} written to {Folder}; {Queued} mails queued.")]
    public static partial void ReportsProduced(ILogger logger, IsoWeek week, int reports, string folder, int queued);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Reports for {Week}: no recipient for {Audience}; its reports are written but not mailed (see Delivery:Department and Delivery:Teams).")]
    public static partial void NoRecipients(ILogger logger, IsoWeek week, string audience);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Overload check for {Week}: {Flags} teams flagged, {New} new or worse; {Queued} alerts queued.")]
    public static partial void OverloadChecked(ILogger logger, IsoWeek week, int flags, int @new, int queued);
}
