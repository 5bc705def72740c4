namespace Analytics.Import;

/// <summary>How far an import has got, for a progress bar.</summary>
public readonly record struct ImportProgress(long BytesRead, long TotalBytes, long RowsRead);
