namespace Analytics.Import.Sources;

/// <summary>A source query that can never work as written (missing columns, unreadable file): retrying will not help.</summary>
public sealed class SourceQueryException(string message, Exception? inner = null) : Exception(message, inner);
