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
        using var fullFont = LayoutFont(fullFace);
        using var cutFont = LayoutFont(cutFace);
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
        // Two faces of the report characters without hinting: about 20 KB each (it was 100 KB each).
        Assert.True(pdf.Length < 60_000, $"{pdf.Length:N0} bytes");
        using var read = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Contains("Łukasz", string.Concat(read.GetPage(1).Letters.Select(l => l.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public void Subset_DropsHintingAndLongNames_AndStaysSmallForTheReportCharacters()
    {
        var full = File.ReadAllBytes(DejaVu);

        var cut = TrueTypeSubsetter.Subset(full, ReportCharacters.Default)!;

        var tables = TableLengths(cut);
        Assert.DoesNotContain("fpgm", tables.Keys);
        Assert.DoesNotContain("prep", tables.Keys);
        Assert.DoesNotContain("cvt ", tables.Keys);
        Assert.True(tables["name"] < 2_000, $"name table {tables["name"]:N0} bytes");
        var compressed = Deflated(cut);
        Assert.True(compressed < 30_000, $"{compressed:N0} bytes deflated, {cut.Length:N0} raw");

        // Still a font Skia draws with, at the same widths.
        using var data = SKData.CreateCopy(cut);
        using var cutFace = SKTypeface.FromData(data);
        using var fullFace = SKTypeface.FromFile(DejaVu);
        using var cutFont = LayoutFont(cutFace);
        using var fullFont = LayoutFont(fullFace);
        Assert.Equal("DejaVu Sans", cutFace.FamilyName);
        const string Sample = "Ayşe Łukasz Δ ș − ≥ ▲ ✓ Ångström";
        Assert.Equal(fullFont.MeasureText(Sample), cutFont.MeasureText(Sample));
        using var path = cutFont.GetTextPath("é", new SKPoint(0, 0));
        Assert.False(path.Bounds.IsEmpty, "the composite é lost its outline");
    }

    // As the layout measures (TextPainter): unhinted, so the dropped hinting cannot change a width.
    private static SKFont LayoutFont(SKTypeface face) => new(face, 12) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None };

    private static Dictionary<string, int> TableLengths(byte[] font)
    {
        var count = System.Buffers.Binary.BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + (16 * i), 16);
            tables[System.Text.Encoding.ASCII.GetString(record[..4])] = (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(record[12..]);
        }

        return tables;
    }

    private static long Deflated(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new System.IO.Compression.ZLibStream(buffer, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(bytes);
        }

        return buffer.Length;
    }
}
