using Microsoft.Extensions.Logging;

namespace Analytics;

internal static partial class Log
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Sync of '{Source}' started, reading changes since {Since:u}.")]
    public static partial void SyncStarted(ILogger logger, string source, DateTimeOffset since);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Sync of '{Source}' read {Rows} rows in {Seconds:0.0} s.")]
    public static partial void SyncRead(ILogger logger, string source, long rows, double seconds);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Sync of '{Source}' done: {Read} read, {Inserted} new, {Updated} updated, {Quarantined} quarantined; watermark {Watermark:u}.")]
    public static partial void SyncSucceeded(ILogger logger, string source, long read, long inserted, long updated, long quarantined, DateTimeOffset? watermark);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Sync of '{Source}' failed (attempt {Attempt} of {MaxAttempts}); trying again in {Delay}: {Error}")]
    public static partial void SyncAttemptFailed(ILogger logger, string source, int attempt, int maxAttempts, TimeSpan delay, string error);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "Sync of '{Source}' failed after {Attempts} attempts; the watermark stays where the last committed batch left it: {Error}")]
    public static partial void SyncFailed(ILogger logger, string source, int attempts, string error, Exception exception);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Warning, Message = "Source '{Source}': the query in {QueryFile} does not return rows in updated_at order, so the watermark only moves at the end of each run. Add ORDER BY updated_at.")]
    public static partial void SyncUnordered(ILogger logger, string source, string queryFile);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Sync of '{Source}': the failure could not be recorded in the store: {Error}")]
    public static partial void SyncStateUnwritable(ILogger logger, string source, string error);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "Sync of '{Source}': {Rows} rows have an updated_at later than now plus Sync:ClockSkew ({Limit:u}), the first ticket {Ticket} at {UpdatedAt:u}; they are quarantined and do not move the watermark, and are synced once that time has passed. Check the source's clock and time zone.")]
    public static partial void SyncFutureRows(ILogger logger, string source, long rows, DateTimeOffset limit, string ticket, DateTimeOffset updatedAt);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Warning, Message = "Sync of '{Source}': the stored watermark {Watermark:u} is later than now plus Sync:ClockSkew ({Limit:u}); it is set back to the latest synced updated_at before that, so rows changed since are not skipped.")]
    public static partial void SyncWatermarkInFuture(ILogger logger, string source, DateTimeOffset watermark, DateTimeOffset limit);

    [LoggerMessage(EventId = 2010, Level = LogLevel.Information, Message = "Roster of '{Source}' synced ({Kind}): {Read} rows read, {Added} new, {Changed} changed, {Quarantined} quarantined.")]
    public static partial void RosterSynced(ILogger logger, string source, Roster.RosterFileKind kind, long read, long added, long changed, long quarantined);

    [LoggerMessage(EventId = 2011, Level = LogLevel.Error, Message = "Roster query of '{Source}' failed; the tickets were synced, the roster stays as it was: {Error}")]
    public static partial void RosterSyncFailed(ILogger logger, string source, string error, Exception exception);
}
