using Reports.Layout;
using SkiaSharp;

namespace Reports.Tests.Layout;

public sealed class BundledFontTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BundledDejaVu_IsInTheLibrary_ForMachinesWithoutFonts(bool bold)
    {
        var face = BundledFont.Load(bold);

        Assert.NotNull(face);
        Assert.Equal("DejaVu Sans", face.FamilyName);
        Assert.Equal(bold ? SKFontStyleWeight.Bold : SKFontStyleWeight.Normal, (SKFontStyleWeight)face.FontWeight);
        using var font = new SKFont(face, 12);
        Assert.True(font.ContainsGlyph('€'));
        Assert.True(font.MeasureText("Weekly workload report") > 100);
    }
}
