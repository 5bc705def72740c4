using Analytics.Import.Folders;

namespace Analytics.Import;

/// <summary>What an import or sync does with a ticket whose times lie more than a day ahead of the real clock.</summary>
public enum FutureTimes
{
    /// <summary>The row is quarantined, naming the field and the time: a clock or export error, not data.</summary>
    Quarantine,

    /// <summary>The row is stored and counted as flagged in the import's or sync's summary.</summary>
    Keep,
}

/// <summary>Settings every import and sync reads with. Section "Import".</summary>
public sealed class ImportSettings
{
    public const string Section = "Import";

    /// <summary>
    /// Tickets opened, answered, resolved, closed or changed more than a day after now (the real clock, not
    /// --as-of): Quarantine (default) or Keep. Due dates may lie in the future and are never checked.
    /// Either way such times never move the reports' "Data as of", which only counts changes up to now.
    /// </summary>
    public FutureTimes FutureTimes { get; set; } = FutureTimes.Quarantine;

    /// <summary>
    /// Watched folders: each new file dropped into one is imported once with that folder's profile, then moved to its
    /// <c>done/</c> or <c>failed/</c> with a summary or the reason beside it (docs/import-folders.md). Default: none.
    /// </summary>
    public List<ImportFolderOptions> Folders { get; set; } = [];

    /// <summary>
    /// How long a dropped file's size and last-write time must stay the same before it is imported, so a file still
    /// being copied is never read half. Default 10 seconds.
    /// </summary>
    public TimeSpan FolderSettleTime { get; set; } = TimeSpan.FromSeconds(10);
}
