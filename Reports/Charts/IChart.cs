using SkiaSharp;

namespace Reports.Charts;

/// <summary>
/// A chart ready to draw at any size: into a PDF chart slot (<see cref="ChartSlotExtensions.ToSlot"/>)
/// or to a PNG (<see cref="ChartRenderer.ToPng"/>). Immutable; Draw may be called any number of times.
/// </summary>
public interface IChart
{
    /// <summary>The title drawn at the top of the chart.</summary>
    string Title { get; }

    /// <summary>Draws the chart filling <paramref name="rect"/> (units are PDF points or PNG pixels).</summary>
    void Draw(SKCanvas canvas, SKRect rect);
}
