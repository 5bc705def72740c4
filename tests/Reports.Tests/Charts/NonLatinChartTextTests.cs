using Analytics.Privacy;
using Microsoft.Extensions.Time.Testing;
using Reports.Charts;
using Reports.Documents;
using Reports.Layout;
using Reports.Tests.Support;
using SkiaSharp;

namespace Reports.Tests.Charts;

/// <summary>
/// Team and agent names in Cyrillic (and Greek) are drawn as letters in charts and on the page, not as "????":
/// the report font is cut down to Latin and Greek, and ScottPlot draws a label with one typeface, so a chart
/// holding such a name is drawn with a face that has the glyphs.
/// </summary>
public sealed class NonLatinChartTextTests
{
    private const string Team = "Служба поддержки";

    private static IChart AgentChart(params string[] names) =>
        new AgentWorkChartBuilder(TestFonts.Default).Build([.. names.Select((n, i) => new AgentWorkInProgress(n, 5 + i))], $"Open tickets per agent, {names[0]}");

    [Fact]
    public void ChartFace_ForCyrillicLabels_HasTheirGlyphs()
    {
        var fonts = TestFonts.Default;
        Assert.False(GlyphCoverage.Has(fonts.Regular, 'Ж'), "The report font is expected to be cut down to Latin and Greek.");

        var face = ChartFace.For(fonts, ["Open tickets", "Жанна Иванова", "Δέσποινα"]);

        Assert.All("ЖанаИвоΔέσποινOpentick".EnumerateRunes(), r => Assert.True(GlyphCoverage.Has(face.Regular, r.Value), $"no glyph for {r}"));
        Assert.Equal("Жанна Иванова", face.Drawable("Жанна Иванова"));
        Assert.True(GlyphCoverage.Has(face.Bold, 'Ж'));
    }

    [Fact]
    public void ChartFace_ForLatinLabels_IsTheReportFont()
    {
        var face = ChartFace.For(TestFonts.Default, ["Open tickets", "Ayşe Yılmaz", "Δ 5%"]);

        Assert.Same(TestFonts.Default.Regular, face.Regular);
    }

    [Fact]
    public void CyrillicChart_InPdf_ReadsBackAsCyrillic()
    {
        var chart = AgentChart("Жанна Иванова", "Пётр Смирнов", "Anna Jansen");

        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(chart.ToSlot(240)), "chart-cyrillic");

        var text = pdf.CompactText(1);
        Assert.Contains("Opentickets", text, StringComparison.Ordinal);
        Assert.Contains("ЖаннаИванова", text, StringComparison.Ordinal);
        Assert.Contains("ПётрСмирнов", text, StringComparison.Ordinal);
        Assert.Contains("AnnaJansen", text, StringComparison.Ordinal);
        Assert.DoesNotContain("??", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CyrillicChart_AsPng_DrawsLettersNotQuestionMarks()
    {
        var cyrillic = ChartRenderer.ToPng(AgentChart("Жанна Иванова", "Пётр Смирнов"), 640, 360);
        var marks = ChartRenderer.ToPng(AgentChart("????? ???????", "???? ???????"), 640, 360);
        File.WriteAllBytes(Path.Combine(RenderedPdf.OutputFolder, "chart-cyrillic.png"), cyrillic);
        File.WriteAllBytes(Path.Combine(RenderedPdf.OutputFolder, "chart-question-marks.png"), marks);

        using var drawn = SKBitmap.Decode(cyrillic);
        using var fallback = SKBitmap.Decode(marks);
        int differing = 0;
        for (int y = 0; y < drawn.Height; y++)
        {
            for (int x = 0; x < drawn.Width; x++)
            {
                differing += drawn.GetPixel(x, y) == fallback.GetPixel(x, y) ? 0 : 1;
            }
        }

        // The names (title and axis) are the only difference; a few hundred pixels of glyphs at least.
        Assert.True(differing > 300, $"only {differing} pixels differ from the '?' rendering");
    }

    [Fact]
    public void WeeklyReport_ForCyrillicTeam_ReadsBackWithTheTeamNameInTextAndCharts()
    {
        var renderer = new ReportRenderer(TestFonts.Default, new FakeTimeProvider(RenderedPdf.Now));

        var report = renderer.Weekly(ReportFixtures.Weekly(ReportScope.ForTeam("Workplace"), Team));

        using var pdf = RenderedPdf.FromBytes(report.Pdf, "weekly-cyrillic");
        var text = pdf.AllCompactText();
        Assert.Contains("Службаподдержки", text, StringComparison.Ordinal);
        // The flow chart's title names the team: "Incoming and resolved per week, Служба поддержки".
        Assert.Contains("Incomingandresolvedperweek,Службаподдержки", text, StringComparison.Ordinal);
        Assert.DoesNotContain("???", text, StringComparison.Ordinal);
    }
}
