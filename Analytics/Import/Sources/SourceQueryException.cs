namespace Analytics.Import.Sources;

/// <summary>A source query that can never work as written (missing columns, unreadable file): retrying will not help.</summary>
public sealed class SourceQueryException(string message, Exception? inner = null) : Exception(message, inner)
{
    /// <summary>The HTTP status an API source refused with (401, 403, 404...); null for anything else.</summary>
    public int? HttpStatus { get; init; }
}
