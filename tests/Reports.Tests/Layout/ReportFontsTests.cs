using Microsoft.Extensions.Logging;
using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

public sealed class ReportFontsTests
{
    [Fact]
    public void DefaultFont_IsDejaVuSans_AndDrawsTheText()
    {
        var fonts = ReportFonts.Load(new ReportFontOptions());

        Assert.Equal("DejaVu Sans", fonts.FamilyName);
        Assert.Null(fonts.Warning);
        Assert.True(fonts.Bold.FontWeight >= 600);

        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(new Paragraph("Typeface check")), "font-default", fonts);
        Assert.All(pdf.Page(1).Letters, l => Assert.Contains("DejaVuSans", l.FontName, StringComparison.Ordinal));
    }

    [Fact]
    public void MissingFont_FallsBackWithOneWarning_AndTextStillComesBack()
    {
        string family = "No Such Font " + Guid.NewGuid().ToString("N");
        var logger = new ListLogger();

        var fonts = ReportFonts.Load(new ReportFontOptions { Family = family }, logger);
        var again = ReportFonts.Load(new ReportFontOptions { Family = family }, logger);

        Assert.NotNull(fonts.Warning);
        Assert.Contains(family, fonts.Warning, StringComparison.Ordinal);
        Assert.NotEqual(family, fonts.FamilyName);
        Assert.Equal(fonts.Warning, again.Warning);
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains(family, warning.Message, StringComparison.Ordinal);

        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(new Heading("Fallback heading")).Add(new Paragraph("Fallback text 42")), "font-missing", fonts);
        string text = pdf.CompactText(1);
        Assert.Contains("Fallbackheading", text, StringComparison.Ordinal);
        Assert.Contains("Fallbacktext42", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ForSingleTypeface_ReplacesMissingGlyphsWithQuestionMarkOnOneLine()
    {
        var fonts = TestFonts.Default;

        string text = fonts.ForSingleTypeface("Agent \U0010FFFD Anne\u0007\nNext \U0001F389");

        Assert.StartsWith("Agent ? Anne Next ", text, StringComparison.Ordinal);
        Assert.All(text.EnumerateRunes(), r => Assert.True(r.Value == '?' || GlyphCoverage.Has(fonts.Regular, r.Value), $"U+{r.Value:X4} has no glyph"));
    }
}
