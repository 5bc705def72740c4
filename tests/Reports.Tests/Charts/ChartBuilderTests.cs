using Reports.Charts;
using Reports.Layout;
using Reports.Tests.Support;
using SkiaSharp;

namespace Reports.Tests.Charts;

public sealed class ChartBuilderTests
{
    public static TheoryData<string> ChartNames => new(ChartSamples.All(TestFonts.Default).Select(c => c.Name));

    private static readonly Dictionary<string, string> AxisText = new(StringComparer.Ordinal)
    {
        ["weekly-flow"] = "Ticketsperweek",
        ["forecast"] = "Ticketsperweek",
        ["agent-wip"] = "Opentickets",
        ["invisible-work"] = "Shareofwork(%)",
        ["staffing"] = "FTE",
        ["heatmap"] = "Hourofday",
    };

    private static (IChart Normal, IChart Empty) Charts(string name)
    {
        var sample = ChartSamples.All(TestFonts.Default).Single(c => c.Name == name);
        return (sample.Normal, sample.Empty);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_InPdfSlot_TitleAndAxisTextAreExtractableOnce(string name)
    {
        var (chart, _) = Charts(name);
        var doc = SampleDocuments.New().Add(new Paragraph("Before the chart")).Add(chart.ToSlot(240)).Add(new Paragraph("After the chart"));

        using var pdf = RenderedPdf.Render(doc, "chart-" + name);

        string text = pdf.CompactText(1);
        string title = RenderedPdf.Compact(chart.Title);
        Assert.Contains(title, text, StringComparison.Ordinal);
        Assert.Contains(AxisText[name], text, StringComparison.Ordinal);
        Assert.Contains("Beforethechart", text, StringComparison.Ordinal);
        Assert.Contains("Afterthechart", text, StringComparison.Ordinal);

        var titleWord = chart.Title.Split(' ')[0];
        Assert.Contains(pdf.Page(1).GetWords(), w => w.Text == titleWord && (w.FontName ?? string.Empty).Contains("Bold", StringComparison.Ordinal));

        // ScottPlot renders twice when its first pass changes the axis limits; the PDF must hold one copy.
        Assert.Equal(1, CountOf(text, title));
        PageGeometry.AssertInside(pdf, PageSetup.A4);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_WithEmptyInput_SaysNoDataInPdf(string name)
    {
        var (_, empty) = Charts(name);

        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(empty.ToSlot(180)), "chart-empty-" + name);

        string text = pdf.CompactText(1);
        Assert.Contains(RenderedPdf.Compact(empty.Title), text, StringComparison.Ordinal);
        Assert.Contains("Nodataforthisperiod", text, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ChartNames))]
    public void Chart_ToPng_HasTheAskedSizeAndIsDrawn(string name)
    {
        var (chart, empty) = Charts(name);

        foreach (var (c, w, h, scale) in new[] { (chart, 640, 360, 1f), (empty, 320, 200, 1f), (chart, 1200, 600, 2f) })
        {
            byte[] png = ChartRenderer.ToPng(c, w, h, scale);
            File.WriteAllBytes(Path.Combine(RenderedPdf.OutputFolder, $"chart-{name}-{w}x{h}.png"), png);

            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, png[..4]);
            using var bitmap = SKBitmap.Decode(png);
            Assert.Equal(w, bitmap.Width);
            Assert.Equal(h, bitmap.Height);
            int dark = 0;
            for (int y = 0; y < h; y += 2)
            {
                for (int x = 0; x < w; x += 2)
                {
                    var p = bitmap.GetPixel(x, y);
                    if (p.Red < 160 && p.Green < 160 && p.Blue < 200)
                    {
                        dark++;
                    }
                }
            }

            Assert.True(dark > 50, $"{name} at {w}x{h} drew almost nothing ({dark} dark samples)");
        }
    }

    [Fact]
    public void Forecast_BandsBelowZero_AreDrawnFromZero()
    {
        var week = new WeekLabel(2026, 48);
        var chart = new ForecastChartBuilder(TestFonts.Default).Build([new WeeklyValue(new WeekLabel(2026, 47), 3)], [new ForecastWeek(week, 2, -5, 6, -20, 12)]);

        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(chart.ToSlot(200)), "forecast-negative");

        var tickLabels = pdf.Page(1).GetWords().Select(w => w.Text).ToList();
        Assert.DoesNotContain(tickLabels, t => t.StartsWith('-') || t.StartsWith('\u2212'));
    }

    [Fact]
    public void Charts_DrawConcurrently_WithoutInterference()
    {
        var charts = ChartSamples.All(TestFonts.Default).Select(c => c.Normal).ToList();

        var sizes = charts.AsParallel().WithDegreeOfParallelism(4).Select(c => ChartRenderer.ToPng(c, 400, 250).Length).ToList();

        Assert.All(sizes, s => Assert.True(s > 1000));
    }

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
