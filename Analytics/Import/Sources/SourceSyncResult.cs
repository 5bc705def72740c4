namespace Analytics.Import.Sources;

/// <summary>
/// What one run did for one source. <see cref="InFuture"/> counts rows quarantined because their updated_at
/// is later than now plus the clock skew allowance; they are part of <see cref="Quarantined"/>.
/// </summary>
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
    string? Error,
    long InFuture = 0)
{
    /// <summary>Of the quarantined rows, those whose updated_at lies beyond now plus Sync:ClockSkew (<see cref="InFuture"/>).</summary>
    public bool HasFutureRows => InFuture > 0;

    /// <summary>Rows stored although a time lies more than a day ahead (Import:FutureTimes = Keep): flagged, not quarantined.</summary>
    public long FutureKept { get; init; }

    /// <summary>Rows written to the store (inserted or changed).</summary>
    public long Written => Inserted + Updated;
}

/// <summary>What one sync run did for every enabled source.</summary>
public sealed record SyncReport(IReadOnlyList<SourceSyncResult> Sources)
{
    public bool Succeeded => Sources.All(s => s.Succeeded);

    public long RowsRead => Sources.Sum(s => s.RowsRead);
}
