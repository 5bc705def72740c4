namespace Analytics.Import.EventLog;

/// <summary>
/// One readable row of an event log, as staged for the fold: the case it belongs to, when, where in
/// the file, what happened and who held the case, plus the raw case-level values (see <see cref="CaseValues"/>).
/// </summary>
internal sealed record StagedEvent(
    string CaseId,
    DateTimeOffset OccurredAt,
    long Line,
    string? Activity,
    string? Team,
    string? Assignee,
    string? CaseValues)
{
    /// <summary>Separates the case-level values in <see cref="CaseValues"/>: a control character no export uses in text.</summary>
    public const char ValueSeparator = '\u001F';
}
