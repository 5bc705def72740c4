using Reports.Layout;
using Reports.Tests.Support;
using SkiaSharp;

namespace Reports.Tests.Layout;

public sealed class TrueTypeSubsetterTests
{
    private const string DejaVu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    [Fact]
    public void Subset_KeepsTheChosenCharactersWithTheirWidths_AndNothingElse()
    {
        var full = File.ReadAllBytes(DejaVu);

        var cut = TrueTypeSubsetter.Subset(full, "Hello é€–".EnumerateRunes().Select(r => r.Value))!;

        using var fullFace = SKTypeface.FromFile(DejaVu);
        using var data = SKData.CreateCopy(cut);
        using var cutFace = SKTypeface.FromData(data);
        Assert.NotNull(cutFace);
        using var fullFont = new SKFont(fullFace, 12);
        using var cutFont = new SKFont(cutFace, 12);
        Assert.Equal("DejaVu Sans", cutFace.FamilyName);
        Assert.True(cut.Length < full.Length / 10, $"{cut.Length:N0} bytes from {full.Length:N0}");
        Assert.True(cutFont.ContainsGlyph('é'));
        Assert.True(cutFont.ContainsGlyph('€'));
        Assert.False(cutFont.ContainsGlyph('Z'));
        Assert.False(cutFont.ContainsGlyph(0x0628)); // Arabic beh: DejaVu has it, the subset must not pretend to
        Assert.Equal(fullFont.MeasureText("Hello é€–"), cutFont.MeasureText("Hello é€–"));
        Assert.Equal(fullFont.GetGlyphs("Hello"), cutFont.GetGlyphs("Hello"));
    }

    [Fact]
    public void Subset_OfSomethingElse_IsNull()
    {
        Assert.Null(TrueTypeSubsetter.Subset("not a font at all"u8, [65]));
        Assert.Null(TrueTypeSubsetter.Subset([], [65]));
    }

    [Fact]
    public void ReportFont_IsTheSubset_SoAPageWithTextStaysSmall()
    {
        var fonts = TestFonts.Default;
        var document = new ReportDocument(new ReportMetadata("Size", "Size", "Tests"), new PageHeaderInfo("Size", "Team", "2026-W47", DateTimeOffset.UnixEpoch))
            .Add(new Heading("Summary"))
            .Add(new Paragraph("Ayşe, Zoë and Łukasz resolved 1 284 tickets – 6 % more than last week; € 12,50 → ✓."));

        var pdf = new PdfReportRenderer(fonts, TimeProvider.System).Render(document);

        Qpdf.AssertValid(pdf, "subset-font.pdf");
        Assert.True(pdf.Length < 300_000, $"{pdf.Length:N0} bytes");
        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Contains("Łukasz", string.Concat(read.GetPage(1).Letters.Select(l => l.Value)), StringComparison.Ordinal);
    }
}
