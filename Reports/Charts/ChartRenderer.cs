using SkiaSharp;

namespace Reports.Charts;

/// <summary>Charts as PNG images, for HTML e-mails with inline pictures.</summary>
public static class ChartRenderer
{
    /// <summary>Renders the chart on white into a PNG of exactly <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    public static byte[] ToPng(IChart chart, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"Skia could not create a {width}x{height} raster surface.");
        surface.Canvas.Clear(SKColors.White);
        chart.Draw(surface.Canvas, new SKRect(0, 0, width, height));
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
