using SkiaSharp;

namespace Reports.Layout;

/// <summary>Size in points, weight and colour of a piece of text.</summary>
internal readonly record struct TextStyle(float Size, bool Bold, SKColor Color)
{
    /// <summary>Line pitch: generous enough for management reading, tight enough for tables.</summary>
    public float LineHeight => MathF.Round(Size * 1.38f, 2);
}
