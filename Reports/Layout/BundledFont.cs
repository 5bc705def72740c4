using System.Collections.Concurrent;
using SkiaSharp;

namespace Reports.Layout;

/// <summary>
/// DejaVu Sans, shipped inside the library (Reports/Fonts, Bitstream Vera licence), so reports draw
/// the same on a machine with no fonts installed at all, such as a minimal container with only the SDK.
/// </summary>
internal static class BundledFont
{
    public const string Family = "DejaVu Sans";

    private static readonly ConcurrentDictionary<bool, SKTypeface?> Faces = new();

    public static SKTypeface? Load(bool bold) => Faces.GetOrAdd(bold, static b =>
    {
        using var stream = typeof(BundledFont).Assembly.GetManifestResourceStream(b ? "Reports.Fonts.DejaVuSans-Bold.ttf" : "Reports.Fonts.DejaVuSans.ttf");
        if (stream is null)
        {
            return null;
        }

        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) is { IsEmpty: false } face ? face : null;
    });
}
