namespace Reports.Layout;

/// <summary>A boxed message with a coloured bar for its severity: overload flags, notes, highlights.</summary>
public sealed record Callout(string Text, CalloutSeverity Severity = CalloutSeverity.Info) : Block
{
    /// <summary>Optional bold first line.</summary>
    public string? Title { get; init; }
}

public enum CalloutSeverity
{
    Info,
    Positive,
    Warning,
    Critical,
}
