using SkiaSharp;

namespace Reports.Layout;

/// <summary>What a fragment draws with.</summary>
internal sealed record DrawContext(SKCanvas Canvas, TextPainter Painter);

/// <summary>
/// An unbreakable piece of a block with a known height: a line of text, a table row, a chart.
/// Blocks become fragments first, so pagination is measuring only and drawing comes after.
/// </summary>
internal abstract class Fragment(float height)
{
    public float Height { get; } = height;

    /// <summary>Must stay on the same page as the fragment after it (headings, table header rows, first lines).</summary>
    public bool KeepWithNext { get; init; }

    /// <summary>Blank space that is dropped when it would open a page.</summary>
    public virtual bool IsSpacing => false;

    /// <summary>Draws into <paramref name="box"/>; the caller has clipped the canvas to the box.</summary>
    public abstract void Draw(DrawContext context, SKRect box);
}

internal sealed class SpaceFragment(float height) : Fragment(height)
{
    public override bool IsSpacing => true;

    public override void Draw(DrawContext context, SKRect box)
    {
        // blank by definition
    }
}

internal sealed class PageBreakFragment() : Fragment(0)
{
    public override void Draw(DrawContext context, SKRect box)
    {
        // only moves the paginator to a new page
    }
}
