using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

public sealed class KeepTogetherTests
{
    // Body height on A4 is 842 - 68 - 58 = 716 pt; the intro line and its gap take 21.8 pt.
    private static ReportDocument WithSpaceLeft(float spaceLeft, Block heading) =>
        SampleDocuments.New()
            .Add(new Paragraph("Intro"))
            .Add(new Spacer(716f - 21.8f - spaceLeft))
            .Add(heading)
            .Add(new Paragraph("Body text under the heading. " + SampleDocuments.Words(60)));

    [Fact]
    public void Heading_NearPageBottom_MovesToNextPageWithItsParagraph()
    {
        // 40 pt is room for the heading line (8 + 17 pt) but not for the heading and two lines.
        using var pdf = RenderedPdf.Render(WithSpaceLeft(40f, new Heading("Keep me", 2)), "keep-together");

        Assert.DoesNotContain("Keepme", pdf.CompactText(1), StringComparison.Ordinal);
        string page2 = pdf.CompactText(2);
        Assert.Contains("Keepme", page2, StringComparison.Ordinal);
        Assert.Contains("Bodytextundertheheading.", page2, StringComparison.Ordinal);
        var words = pdf.Page(2).GetWords().ToList();
        Assert.True(words.Single(w => w.Text == "Keep").BoundingBox.Bottom > words.Single(w => w.Text == "Body").BoundingBox.Top);
    }

    [Fact]
    public void Heading_WithRoomForItsParagraph_StaysOnThePage()
    {
        using var pdf = RenderedPdf.Render(WithSpaceLeft(120f, new Heading("Keep me", 2)), "keep-together-room");

        string page1 = pdf.CompactText(1);
        Assert.Contains("Keepme", page1, StringComparison.Ordinal);
        Assert.Contains("Bodytextundertheheading.", page1, StringComparison.Ordinal);
    }

    [Fact]
    public void Heading_BeforeTable_MovesWithHeaderAndFirstRow()
    {
        var doc = SampleDocuments.New()
            .Add(new Paragraph("Intro"))
            .Add(new Spacer(716f - 21.8f - 45f))
            .Add(new Heading("Table heading", 2))
            .Add(new Table([TableColumn.Text("Column")], [["row one"], ["row two"]]));

        using var pdf = RenderedPdf.Render(doc, "keep-together-table");

        Assert.DoesNotContain("Tableheading", pdf.CompactText(1), StringComparison.Ordinal);
        Assert.Contains("TableheadingColumnrowone", pdf.CompactText(2), StringComparison.Ordinal);
    }

    // 70 pt is room for the heading and a one-line introduction, not for the table's header and first row as well.
    private static ReportDocument IntroBeforeTable(bool keepWithNext) =>
        SampleDocuments.New()
            .Add(new Paragraph("Intro"))
            .Add(new Spacer(716f - 21.8f - 70f))
            .Add(new Heading("Queues", 2))
            .Add(new Paragraph("Introduction to the table:") { Muted = true, KeepWithNext = keepWithNext })
            .Add(new Table([TableColumn.Text("Column")], [["row one"], ["row two"]]));

    [Fact]
    public void HeadingAndIntroduction_KeptWithNext_MoveWithTheTable()
    {
        using var pdf = RenderedPdf.Render(IntroBeforeTable(keepWithNext: true), "keep-intro");

        Assert.DoesNotContain("Queues", pdf.CompactText(1), StringComparison.Ordinal);
        Assert.Contains("QueuesIntroductiontothetable:Columnrowone", pdf.CompactText(2), StringComparison.Ordinal);
    }

    [Fact]
    public void HeadingAndIntroduction_NotKeptWithNext_StayWhereTheyFit()
    {
        // The same document without the flag: the heading keeps only its introduction, the table goes overleaf.
        using var pdf = RenderedPdf.Render(IntroBeforeTable(keepWithNext: false), "keep-intro-not");

        Assert.Contains("QueuesIntroductiontothetable:", pdf.CompactText(1), StringComparison.Ordinal);
        Assert.StartsWith("Columnrowone", pdf.CompactText(2), StringComparison.Ordinal);
    }
}
