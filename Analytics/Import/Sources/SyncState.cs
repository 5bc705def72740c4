namespace Analytics.Import.Sources;

/// <summary>Where a source's sync stands: its watermark and how the last runs went.</summary>
public sealed record SyncState(
    string Source,
    DateTimeOffset? Watermark,
    DateTimeOffset? LastStartedAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastFailureAt,
    string? LastError,
    long RowsSynced);
