using SkiaSharp;

namespace Reports.Layout;

/// <summary>Page size and margins in points. The header sits in the top margin, the footer in the bottom one.</summary>
public sealed record PageSetup
{
    /// <summary>A4 portrait with margins that leave room for the running header and footer.</summary>
    public static PageSetup A4 { get; } = new();

    public float Width { get; init; } = 595f;

    public float Height { get; init; } = 842f;

    public float MarginLeft { get; init; } = 50f;

    public float MarginRight { get; init; } = 50f;

    public float MarginTop { get; init; } = 68f;

    public float MarginBottom { get; init; } = 58f;

    /// <summary>Where body content may go.</summary>
    public SKRect Body => new(MarginLeft, MarginTop, Width - MarginRight, Height - MarginBottom);
}
