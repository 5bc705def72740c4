using Reports.Layout;

namespace Reports.Charts;

public static class ChartSlotExtensions
{
    /// <summary>A layout block that draws the chart full body width and <paramref name="height"/> points tall.</summary>
    public static ChartSlot ToSlot(this IChart chart, float height = 230f, string? caption = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return new ChartSlot(chart.Draw, height) { Caption = caption };
    }
}
