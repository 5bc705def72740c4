using Reports.Charts;
using Reports.Layout;
using Reports.Tests.Support;
using Reports.Text;

namespace Reports.Tests.Charts;

/// <summary>A chart title longer than the chart (a long team name, a Dutch title) wraps and is cut with an ellipsis, never lost off both edges.</summary>
public sealed class ChartTitleFitTests
{
    private const string LongTeam = "Werkplekbeheerenapplicatieondersteuningvoordeafdelingenfinancienpersoneelszakenenfacilitairezakenregiooost";

    [Theory]
    [InlineData("en")]
    [InlineData("nl")]
    public void LongTitle_WrapsInsideTheChart_WithItsStartAndAnEllipsis(string language)
    {
        var words = Wording.For(language);
        var title = words.Format("Chart.Flow.TitleFor", LongTeam);
        var chart = new WeeklyFlowChartBuilder(TestFonts.Default, words).Build(ChartSamples.Flow(), title);
        var document = SampleDocuments.New().Add(chart.ToSlot(220));

        using var pdf = RenderedPdf.Render(document, "long-chart-title-" + language);

        PageGeometry.AssertInside(pdf, PageSetup.A4);
        var text = pdf.CompactText(1);
        Assert.Contains(RenderedPdf.Compact(words.Format("Chart.Flow.TitleFor", "")).TrimEnd(','), text, StringComparison.Ordinal);
        Assert.Contains(LongTeam[..20], text, StringComparison.Ordinal);
        Assert.Contains("\u2026", text, StringComparison.Ordinal);
    }
}
