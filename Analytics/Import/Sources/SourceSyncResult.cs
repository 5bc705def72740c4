namespace Analytics.Import.Sources;

/// <summary>What one run did for one source.</summary>
public sealed record SourceSyncResult(
    string Source,
    bool Succeeded,
    int Attempts,
    long RowsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Quarantined,
    DateTimeOffset? Watermark,
    string? Error)
{
    /// <summary>Rows written to the store (inserted or changed).</summary>
    public long Written => Inserted + Updated;
}

/// <summary>What one sync run did for every enabled source.</summary>
public sealed record SyncReport(IReadOnlyList<SourceSyncResult> Sources)
{
    public bool Succeeded => Sources.All(s => s.Succeeded);

    public long RowsRead => Sources.Sum(s => s.RowsRead);
}
