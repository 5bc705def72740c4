using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

public sealed class TextLayoutTests
{
    [Theory]
    [InlineData("a\u0000b\u0007c\u001bd", "abcd")]
    [InlineData("keep\ttab\nand newline", "keep\ttab\nand newline")]
    [InlineData("windows\r\nmac\rend", "windows\nmac\nend")]
    [InlineData("c1\u0080\u0085\u009Fend\u007F", "c1end")]
    public void Clean_RemovesControlCharactersAndLoneSurrogates(string input, string expected)
    {
        Assert.Equal(expected, ReportText.Clean(input));
    }

    [Fact]
    public void Clean_ReplacesLoneSurrogateHalves_KeepsPairs()
    {
        // Built in code: attribute data cannot carry lone surrogates.
        string input = "high " + '\uD800' + " low " + '\uDC00' + " end " + '\uD83C' + " pair \U0001F389";

        Assert.Equal("high ? low ? end ? pair \U0001F389", ReportText.Clean(input));
    }

    [Fact]
    public void Wrap_NoLineIsWiderThanTheWidth_AndNoTextIsLost()
    {
        using var painter = new TextPainter(TestFonts.Default);
        var style = new TextStyle(10, false, SkiaSharp.SKColors.Black);
        string text = SampleDocuments.Words(200) + " " + new string('W', 400) + " tail";

        var lines = LineBreaker.Wrap(painter, text, style, 200f);

        Assert.All(lines, l => Assert.True(painter.Measure(l, style) <= 200.01f, $"'{l}' is {painter.Measure(l, style)} wide"));
        Assert.Equal(text.Replace(" ", string.Empty, StringComparison.Ordinal), string.Concat(lines).Replace(" ", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Wrap_KeepsSurrogatePairsWhole()
    {
        using var painter = new TextPainter(TestFonts.Default);
        var style = new TextStyle(10, false, SkiaSharp.SKColors.Black);

        var lines = LineBreaker.Wrap(painter, string.Concat(Enumerable.Repeat("\U0001D400", 200)), style, 50f);

        Assert.True(lines.Count > 1);
        Assert.All(lines, l => Assert.False(char.IsHighSurrogate(l[^1]), "a line ends inside a surrogate pair"));
    }

    [Fact]
    public void Ellipsize_FitsTheWidthAndEndsWithEllipsis()
    {
        using var painter = new TextPainter(TestFonts.Default);
        var style = new TextStyle(9, true, SkiaSharp.SKColors.Black);

        string cut = LineBreaker.Ellipsize(painter, SampleDocuments.Words(50), style, 120f);

        Assert.EndsWith("\u2026", cut, StringComparison.Ordinal);
        Assert.True(painter.Measure(cut, style) <= 120f);
    }

    [Fact]
    public void GlyphRuns_NeverUseATypefaceWithoutTheGlyph()
    {
        string text = "Latin ÄÖÜ ß, Ελληνικά, Кириллица, עברית, العربية, 中文, emoji \U0001F389\U0001F44D, private \U0010FFFD, arrows ▲▼";

        var runs = GlyphRuns.Split(text, TestFonts.Default, bold: false);

        Assert.All(runs.SelectMany(r => r.Text.EnumerateRunes().Select(rune => (rune, r.Typeface))), p =>
            Assert.True(
                p.rune.Value == '?' || GlyphCoverage.Has(p.Typeface, p.rune.Value),
                $"U+{p.rune.Value:X4} would be drawn with {p.Typeface.FamilyName}, which has no glyph for it"));
        Assert.Contains(runs, r => r.Text.Contains("Ελληνικά", StringComparison.Ordinal));
        Assert.Contains(runs, r => r.Text.Contains('?', StringComparison.Ordinal));
    }
}
