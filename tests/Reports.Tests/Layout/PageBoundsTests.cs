using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

public sealed class PageBoundsTests
{
    [Fact]
    public void SampleReport_NoGlyphOutsideMediaBoxOrMargins()
    {
        using var pdf = RenderedPdf.Render(SampleReportTests.Build(TestFonts.Default), "sample-bounds");

        PageGeometry.AssertInside(pdf, PageSetup.A4);
    }

    [Fact]
    public void CustomMargins_BodyStaysInsideThem()
    {
        var setup = PageSetup.A4 with { MarginLeft = 90, MarginRight = 120 };
        var doc = SampleDocuments.New()
            .Add(new Heading(SampleDocuments.Words(30)))
            .Add(new Paragraph(SampleDocuments.Words(800) + " " + new string('M', 500)))
            .Add(new Table([TableColumn.Text("A"), TableColumn.Number("B")], Enumerable.Range(0, 80).Select(i => (IReadOnlyList<string>)[SampleDocuments.Words(20, i), new string('9', 80)]).ToList()));

        using var pdf = RenderedPdf.Render(doc, "custom-margins", page: setup);

        Assert.True(pdf.PageCount > 2);
        PageGeometry.AssertInside(pdf, setup);
    }
}
