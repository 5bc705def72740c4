using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

public sealed class HostileTextTests
{
    private static readonly string LongTitle = string.Concat(Enumerable.Repeat("Quarterly ", 500));
    private static readonly string LongWord = new('Q', 5000);

    private static ReportDocument Hostile()
    {
        var doc = new ReportDocument(
            new ReportMetadata(LongTitle + "\u0007", "<script>alert(1)</script>", "Mallory\u0000"),
            new PageHeaderInfo(LongTitle, "Team <b>\u202Eevil\u202C</b>", "2026-W47\u001b[31m", SampleDocuments.DataAsOf));
        doc.Add(new Heading("<script>alert('x')</script> & <b>bold</b>"))
            .Add(new Heading(LongTitle, 2))
            .Add(new Paragraph("Word: " + LongWord + " end."))
            .Add(new Paragraph("Hebrew: שלום עולם. Arabic: مرحبا بالعالم."))
            .Add(new Paragraph("Emoji: Great job \U0001F389\U0001F44D\U0001F3FD team \U0001F468\u200D\U0001F469\u200D\U0001F467 private \U0010FFFD."))
            .Add(new Paragraph("Controls: Bell\u0007 Null\u0000 Esc\u001b[31m red\u0085 next\r\nline\ttab."))
            .Add(new Paragraph("Halves: lone \uD800 high and \uDC00 low."))
            .Add(new BulletList(["<img src=x onerror=alert(1)>", new string('Z', 300)]))
            .Add(new KpiRow([new KpiTile(LongWord, LongTitle, new KpiChange(LongTitle, Trend.Up))]))
            .Add(new Table([TableColumn.Text(LongTitle), TableColumn.Number("n")], [[LongWord, "\u0000"], ["<td>", LongTitle]]))
            .Add(new Callout(LongWord, CalloutSeverity.Critical) { Title = "<script>" });
        return doc;
    }

    [Fact]
    public void HostileText_RendersAndDrawableTextComesBackOut()
    {
        using var pdf = RenderedPdf.Render(Hostile(), "hostile");

        string text = pdf.AllCompactText();
        Assert.Contains("<script>alert('x')</script>&<b>bold</b>", text, StringComparison.Ordinal);
        Assert.Contains("שלום", text, StringComparison.Ordinal);
        Assert.Contains("مرحبا", text, StringComparison.Ordinal);
        // Each emoji comes out whole where a font has it, else as one '?' (skin tone and joiners included);
        // nothing has a glyph for a plane-16 private-use character.
        string party = "\U0001F389", thumbs = "\U0001F44D\U0001F3FD", family = "\U0001F468\u200D\U0001F469\u200D\U0001F467";
        Assert.Matches($@"Greatjob(\?|{party})(\?|{thumbs})team(\?|{family})private\?\.", text);
        Assert.Contains("BellNullEsc[31mrednextline", text, StringComparison.Ordinal);
        Assert.Contains("lone?highand?low.", text, StringComparison.Ordinal);
        Assert.Contains("<imgsrc=xonerror=alert(1)>", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', text);
        Assert.DoesNotContain('\u0000', text);
        Assert.DoesNotContain('\u001b', text);

        // The 5,000-character word is broken by character, never lost: every Q of the paragraph is drawn.
        int paragraphQs = pdf.Pages()
            .SelectMany(p => p.Letters)
            .Count(l => l.Value == "Q" && Math.Abs(l.PointSize - 10) < 0.5);
        Assert.Equal(5000, paragraphQs);
    }

    [Fact]
    public void HostileText_StaysInsideThePageAndMargins()
    {
        using var pdf = RenderedPdf.Render(Hostile(), "hostile-bounds");

        PageGeometry.AssertInside(pdf, PageSetup.A4);
    }

    [Fact]
    public void HostileMetadata_IsCleaned()
    {
        using var pdf = RenderedPdf.Render(Hostile(), "hostile-metadata");

        Assert.Equal("Mallory", pdf.Document.Information.Author);
        Assert.DoesNotContain('\u0007', pdf.Document.Information.Title ?? string.Empty);
    }
}
