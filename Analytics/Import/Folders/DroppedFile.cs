namespace Analytics.Import.Folders;

/// <summary>What became of one file taken from a watched folder.</summary>
public enum DroppedFileResult
{
    /// <summary>Imported now; moved to done/ with its summary.</summary>
    Imported,

    /// <summary>The ledger knew its content (a second drop, or a worker that died before the move); moved to done/ without a second import.</summary>
    AlreadyImported,

    /// <summary>Unreadable, or not one row could be stored; moved to failed/ with the reason.</summary>
    Failed,

    /// <summary>Imported (now or before) but it could not be moved; it stays, and the next run moves it without importing it again.</summary>
    NotMoved,
}

/// <summary>One file taken from a watched folder: where it went and why.</summary>
public sealed record DroppedFile(string Folder, string FileName, DroppedFileResult Result, string? Target, ImportSummary? Summary, string? Reason);
