namespace Reports.Layout;

/// <summary>One element of a report's body, laid out top to bottom.</summary>
public abstract record Block;

/// <summary>A section heading; it is never left alone at the bottom of a page.</summary>
public sealed record Heading(string Text, int Level = 1) : Block;

/// <summary>Wrapped body text; may continue on the next page. Newlines start a new line.</summary>
public sealed record Paragraph(string Text) : Block
{
    /// <summary>Smaller grey text, for notes under a table or chart ("Figures under 3 people are suppressed").</summary>
    public bool Muted { get; init; }

    /// <summary>
    /// An introduction to the block after it: kept on the same page as that block's start, so that a
    /// heading and its introduction are not left at a page's foot while the chart or table they open is overleaf.
    /// </summary>
    public bool KeepWithNext { get; init; }
}

/// <summary>A list of short points, each with a bullet.</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : Block;

/// <summary>A forced page break.</summary>
public sealed record PageBreak : Block;

/// <summary>Vertical space in points (dropped at the top of a page).</summary>
public sealed record Spacer(float Height) : Block;
