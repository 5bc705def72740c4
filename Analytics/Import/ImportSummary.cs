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

    /// <summary>Of the good rows, those kept although a time lies more than a day ahead (Import:FutureTimes = Keep).</summary>
    public long FutureKept { get; init; }

    /// <summary>Things the operator should know about the file as a whole, such as the encoding it was read in.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>For an event log: its events and cases; null for a file of one row per ticket.</summary>
    public EventLogSummary? EventLog { get; init; }
}
