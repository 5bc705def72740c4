using Analytics.Import.EventLog;

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

    /// <summary>For an event log: its events and cases; null for a file of one row per ticket.</summary>
    public EventLogSummary? EventLog { get; init; }
}
