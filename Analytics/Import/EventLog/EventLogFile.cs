namespace Analytics.Import.EventLog;

/// <summary>An opened event-log file: its records, the header they are laid out by, and where reading is.</summary>
internal sealed record EventLogFile(
    string Name,
    string Fingerprint,
    long Length,
    CsvHeader Header,
    IRecordReader Records,
    Func<long> Position)
{
    /// <summary>What the operator should know about the file as a whole (the encoding it was read in).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
