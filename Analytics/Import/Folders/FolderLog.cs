using Microsoft.Extensions.Logging;

namespace Analytics.Import.Folders;

internal static partial class FolderLog
{
    [LoggerMessage(EventId = 2201, Level = LogLevel.Warning, Message = "{Setting}: the folder '{Path}' does not exist; files are imported from it once it does.")]
    public static partial void FolderMissing(ILogger logger, string setting, string path);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "{Setting}: the folder '{Path}' cannot be read: {Error}")]
    public static partial void FolderUnreadable(ILogger logger, string setting, string path, string error);

    [LoggerMessage(EventId = 2203, Level = LogLevel.Information, Message = "{Setting}: the folder '{Path}' is there again.")]
    public static partial void FolderBack(ILogger logger, string setting, string path);

    [LoggerMessage(EventId = 2204, Level = LogLevel.Information, Message = "'{File}' imported: {Read} rows read, {Stored} stored, {Quarantined} quarantined; moved to '{Target}'.")]
    public static partial void FileImported(ILogger logger, string file, long read, long stored, long quarantined, string target);

    [LoggerMessage(EventId = 2205, Level = LogLevel.Warning, Message = "'{File}' could not be imported: {Reason} Moved to '{Target}'.")]
    public static partial void FileFailed(ILogger logger, string file, string reason, string target);

    [LoggerMessage(EventId = 2206, Level = LogLevel.Information, Message = "'{File}' was imported before (import run {RunId}, as '{Earlier}'); moved to '{Target}' without importing it again.")]
    public static partial void FileAlreadyImported(ILogger logger, string file, long runId, string earlier, string target);

    [LoggerMessage(EventId = 2207, Level = LogLevel.Warning, Message = "'{File}' cannot be moved to '{Folder}': {Error}; it is tried again at the next run (it is not imported twice).")]
    public static partial void FileNotMoved(ILogger logger, string file, string folder, string error);

    [LoggerMessage(EventId = 2209, Level = LogLevel.Error, Message = "{Setting}: its files are left in the folder until this is fixed: {Error}")]
    public static partial void ProfileUnavailable(ILogger logger, string setting, string error);

    [LoggerMessage(EventId = 2208, Level = LogLevel.Warning, Message = "'{File}' cannot be read now: {Error}; it is tried again at the next run.")]
    public static partial void FileBusy(ILogger logger, string file, string error);
}
