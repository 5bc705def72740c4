namespace Analytics.Import.Sources;

/// <summary>
/// How far a source's sync has got, for a progress bar: rows read, and the updated_at reached between the
/// first row's and the run's limit (now plus the clock skew allowance); rows come in updated_at order.
/// </summary>
public readonly record struct SyncProgress(string Source, long RowsRead, DateTimeOffset? FirstUpdatedAt, DateTimeOffset? ReachedUpdatedAt, DateTimeOffset Until)
{
    /// <summary>The share of the time span read so far (0 to 1); null before the first row or when rows are not in order.</summary>
    public double? Fraction =>
        FirstUpdatedAt is { } first && ReachedUpdatedAt is { } reached && Until > first
            ? Math.Clamp((reached - first) / (Until - first), 0, 1)
            : null;
}
