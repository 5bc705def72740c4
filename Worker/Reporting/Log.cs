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

    [LoggerMessage(EventId = 5004, Level = LogLevel.Error, Message = "Reports for {Week}: the {Kind} report for {Scope} could not be produced ({Reason}); the other reports go on.")]
    public static partial void ReportFailed(ILogger logger, IsoWeek week, string kind, string scope, string reason, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "Reports for {Week}: {File} was already written by an earlier run and is kept (remove it to produce it again).")]
    public static partial void ReportKept(ILogger logger, IsoWeek week, string file);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "Reports for {Week}: {Failed} of {Total} reports could not be produced: {Failures}. The other {Written} were written to {Folder} and {Queued} mails queued.")]
    public static partial void ReportsIncomplete(ILogger logger, IsoWeek week, int failed, int total, string failures, int written, string folder, int queued);
}
