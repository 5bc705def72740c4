using SkiaSharp;

namespace Reports.Charts;

/// <summary>Charts as PNG images, for HTML e-mails with inline pictures.</summary>
public static class ChartRenderer
{
    /// <summary>
    /// Renders the chart on white into a PNG of exactly <paramref name="width"/> x <paramref name="height"/> pixels.
    /// Chart text is sized in points as for A4; <paramref name="scale"/> 2 draws a 1200 x 600 PNG that
    /// looks like a 600 x 300 chart, sharp when the e-mail shows it at half size on a high-DPI screen.
    /// </summary>
    public static byte[] ToPng(IChart chart, int width, int height, float scale = 1f)
    {
        ArgumentNullException.ThrowIfNull(chart);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        if (!(scale > 0 && float.IsFinite(scale)))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be a positive number.");
        }

        // Opaque: the chart is drawn on white, and a PNG without an alpha channel is a quarter smaller in a mail.
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"Skia could not create a {width}x{height} raster surface.");
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.Scale(scale);
        chart.Draw(surface.Canvas, new SKRect(0, 0, width / scale, height / scale));
        surface.Canvas.Flush();
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
