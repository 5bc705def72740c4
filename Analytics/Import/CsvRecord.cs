namespace Analytics.Import;

/// <summary>One logical CSV record: its fields, the physical line it starts on, and its raw text.</summary>
public sealed record CsvRecord(long Line, IReadOnlyList<string> Fields, string Raw);
