using SkiaSharp;

namespace Reports.Layout;

/// <summary>
/// Space for a chart: the layout gives <see cref="Draw"/> the exact rectangle (in points, full body
/// width, <see cref="Height"/> tall) on the page canvas and clips to it. Charts from
/// Reports.Charts become slots through <c>chart.ToSlot(height)</c>.
/// </summary>
public sealed record ChartSlot(Action<SKCanvas, SKRect> Draw, float Height) : Block
{
    /// <summary>Optional line under the chart (source, note).</summary>
    public string? Caption { get; init; }
}
