namespace Analytics.Import;

/// <summary>What one import did. <see cref="Inserted"/> is what the CLI calls "imported".</summary>
public sealed record ImportSummary(
    string FileName,
    long RowsRead,
    long Inserted,
    long Updated,
    long Unchanged,
    long Quarantined,
    IReadOnlyList<QuarantinedRow> FirstProblems)
{
    /// <summary>Rows that are in the store as the file says, whether written now or before.</summary>
    public long Good => Inserted + Updated + Unchanged;
}
