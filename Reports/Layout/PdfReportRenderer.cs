using SkiaSharp;

namespace Reports.Layout;

/// <summary>
/// Renders a <see cref="ReportDocument"/> to PDF with Skia: lays the whole document out into
/// pages first (so the footer knows the page count), then draws each page. Every fragment is
/// clipped to its box and every box lies inside the body, so nothing is drawn outside the margins.
/// Thread-safe: each call has its own painter and canvas.
/// </summary>
public sealed class PdfReportRenderer
{
    private readonly ReportFonts fonts;
    private readonly TimeProvider timeProvider;
    private readonly PageSetup page;

    public PdfReportRenderer(ReportFonts fonts, TimeProvider timeProvider, PageSetup? page = null)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.fonts = fonts;
        this.timeProvider = timeProvider;
        this.page = page ?? PageSetup.A4;
    }

    public byte[] Render(ReportDocument document) => RenderCounted(document).Pdf;

    /// <summary>The PDF and its number of pages.</summary>
    public (byte[] Pdf, int Pages) RenderCounted(ReportDocument document)
    {
        using var buffer = new MemoryStream();
        var pages = Render(document, buffer);
        return (buffer.ToArray(), pages);
    }

    /// <summary>Writes the PDF to <paramref name="output"/> and returns its number of pages.</summary>
    public int Render(ReportDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);

        using var painter = new TextPainter(fonts);
        var body = page.Body;
        var fragments = new BlockFragmenter(painter, body.Width, body.Height).Build(document.Blocks);
        var pages = Paginator.Paginate(fragments, body);

        var now = timeProvider.GetUtcNow();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = ReportText.CleanSingleLine(document.Metadata.Title),
            Subject = ReportText.CleanSingleLine(document.Metadata.Subject),
            Author = ReportText.CleanSingleLine(document.Metadata.Author),
            Creator = ReportText.CleanSingleLine(document.Metadata.Creator),
            Creation = now.UtcDateTime,
            Modified = now.UtcDateTime,
        };
        var chrome = new PageChrome(page, document.Header, now);

        using var pdf = SKDocument.CreatePdf(output, metadata)
            ?? throw new InvalidOperationException("Skia could not create a PDF document on the output stream.");
        for (int i = 0; i < pages.Count; i++)
        {
            var canvas = pdf.BeginPage(page.Width, page.Height);
            var context = new DrawContext(canvas, painter);
            foreach (var placed in pages[i].Fragments)
            {
                var box = placed.Box;
                box.Intersect(body);
                int saved = canvas.Save();
                canvas.ClipRect(box);
                placed.Fragment.Draw(context, placed.Box);
                canvas.RestoreToCount(saved);
            }

            chrome.Draw(context, i + 1, pages.Count);
            pdf.EndPage();
        }

        pdf.Close();
        return pages.Count;
    }
}
