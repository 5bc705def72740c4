using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

public sealed class PdfReportRendererTests
{
    [Fact]
    public void Document_WithHeadingsParagraphsAndKpis_TextComesBackOut()
    {
        var doc = SampleDocuments.New()
            .Add(new Heading("Summary"))
            .Add(new Paragraph("The backlog grew for the third week in a row."))
            .Add(new Heading("Service level", 2))
            .Add(new KpiRow(
            [
                new KpiTile("1,284", "Incoming tickets", new KpiChange("+6 % vs last week", Trend.Up, Sentiment.Bad)),
                new KpiTile("91.4 %", "Resolved within SLA", new KpiChange("-0.8 pt", Trend.Down, Sentiment.Bad)),
                new KpiTile("412", "Open backlog"),
            ]))
            .Add(new BulletList(["First point to make", "Second point to make"]))
            .Add(new Callout("Backlog takes 9.4 days to clear.", CalloutSeverity.Warning) { Title = "Overload" });

        using var pdf = RenderedPdf.Render(doc, "basic-blocks");

        string text = pdf.CompactText(1);
        Assert.Equal(1, pdf.PageCount);
        Assert.Contains("Summary", text, StringComparison.Ordinal);
        Assert.Contains("Servicelevel", text, StringComparison.Ordinal);
        Assert.Contains("Thebackloggrewforthethirdweekinarow.", text, StringComparison.Ordinal);
        Assert.Contains("1,284", text, StringComparison.Ordinal);
        Assert.Contains("Incomingtickets", text, StringComparison.Ordinal);
        Assert.Contains("+6%vslastweek", text, StringComparison.Ordinal);
        Assert.Contains("91.4%", text, StringComparison.Ordinal);
        Assert.Contains("Secondpointtomake", text, StringComparison.Ordinal);
        Assert.Contains("Overload", text, StringComparison.Ordinal);
        Assert.Contains("Backlogtakes9.4daystoclear.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Footer_OnEveryPage_ShowsPageXOfYAndTimes()
    {
        var doc = SampleDocuments.New()
            .Add(new Paragraph("first")).Add(new PageBreak())
            .Add(new Paragraph("second")).Add(new PageBreak())
            .Add(new Paragraph("third"));

        using var pdf = RenderedPdf.Render(doc, "three-pages");

        Assert.Equal(3, pdf.PageCount);
        for (int page = 1; page <= 3; page++)
        {
            string text = pdf.CompactText(page);
            Assert.Contains($"Page{page}of3", text, StringComparison.Ordinal);
            Assert.Contains("Generated2026-11-2307:30UTC", text, StringComparison.Ordinal);
            Assert.Contains("Dataasof2026-11-2223:00UTC", text, StringComparison.Ordinal);
            Assert.Contains("Weeklyworkloadreport", text, StringComparison.Ordinal);
            Assert.Contains("ServiceDesk", text, StringComparison.Ordinal);
            Assert.Contains("2026-W47", text, StringComparison.Ordinal);
        }

        Assert.Contains("second", pdf.CompactText(2), StringComparison.Ordinal);
        Assert.DoesNotContain("second", pdf.CompactText(3), StringComparison.Ordinal);
    }

    [Fact]
    public void Footer_WithTeamTimeZone_ShowsLocalTimesWithOffset()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var doc = new ReportDocument(
            new ReportMetadata("Report"),
            new PageHeaderInfo("Report", "Team", "2026-W47", SampleDocuments.DataAsOf) { TimeZone = zone });

        using var pdf = RenderedPdf.Render(doc, "time-zone");

        Assert.Contains("Generated2026-11-2308:30UTC+01:00", pdf.CompactText(1), StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_TitleSubjectAuthorAndCreationDate_ComeFromDocumentAndTimeProvider()
    {
        using var pdf = RenderedPdf.Render(SampleDocuments.New(), "metadata");

        var info = pdf.Document.Information;
        Assert.Equal("Weekly workload report", info.Title);
        Assert.Equal("Service Desk, week 47", info.Subject);
        Assert.Equal("Workload monitor", info.Author);
        Assert.Equal("IT workload monitor", info.Creator);
        Assert.StartsWith("D:20261123073000", info.CreationDate, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyDocument_RendersOnePageWithHeaderAndFooter()
    {
        using var pdf = RenderedPdf.Render(SampleDocuments.New(), "empty");

        Assert.Equal(1, pdf.PageCount);
        Assert.Contains("Page1of1", pdf.CompactText(1), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_AreA4()
    {
        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(new Paragraph("x")), "a4");

        var box = pdf.Page(1).MediaBox.Bounds;
        Assert.Equal(595, box.Width, 0.5);
        Assert.Equal(842, box.Height, 0.5);
    }

    [Fact]
    public void RenderToStream_WritesTheSamePdf()
    {
        var doc = SampleDocuments.New().Add(new Paragraph("streamed"));
        var renderer = new PdfReportRenderer(TestFonts.Default, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RenderedPdf.Now));
        using var stream = new MemoryStream();

        renderer.Render(doc, stream);

        using var pdf = RenderedPdf.FromBytes(stream.ToArray(), "stream");
        Assert.Contains("streamed", pdf.CompactText(1), StringComparison.Ordinal);
    }

    [Fact]
    public void Paragraph_LongerThanAPage_ContinuesOnNextPages()
    {
        string text = "Opening " + SampleDocuments.Words(1500, 3) + " Closing";
        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(new Paragraph(text)), "long-paragraph");

        Assert.True(pdf.PageCount >= 2);
        // Body text is drawn before the running header, so page text starts with the paragraph.
        Assert.StartsWith("Opening", pdf.CompactText(1), StringComparison.Ordinal);
        Assert.Contains("Closing", pdf.CompactText(pdf.PageCount), StringComparison.Ordinal);
        string bodyLetters = string.Concat(pdf.Pages().SelectMany(p => p.Letters)
            .Where(l => l.BoundingBox.Bottom > 50 && l.BoundingBox.Top < 785 && !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => l.Value));
        Assert.Equal(RenderedPdf.Compact(text), bodyLetters);
    }
}
