using Microsoft.Extensions.Time.Testing;
using Reports.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Reports.Tests.Support;

/// <summary>
/// A document rendered the way production renders it, checked by qpdf, written to the test
/// output folder (pdf-output/) for a person to look at, and opened with PdfPig for assertions.
/// </summary>
internal sealed class RenderedPdf : IDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 30, 0, TimeSpan.Zero);

    private RenderedPdf(byte[] bytes, PdfDocument document)
    {
        Bytes = bytes;
        Document = document;
    }

    public byte[] Bytes { get; }

    public PdfDocument Document { get; }

    public int PageCount => Document.NumberOfPages;

    public static string OutputFolder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "pdf-output")).FullName;

    public static RenderedPdf Render(ReportDocument document, string name, ReportFonts? fonts = null, PageSetup? page = null)
    {
        var renderer = new PdfReportRenderer(fonts ?? TestFonts.Default, new FakeTimeProvider(Now), page);
        return FromBytes(renderer.Render(document), name);
    }

    public static RenderedPdf FromBytes(byte[] bytes, string name)
    {
        File.WriteAllBytes(Path.Combine(OutputFolder, name + ".pdf"), bytes);
        Qpdf.AssertValid(bytes, name);
        return new RenderedPdf(bytes, PdfDocument.Open(bytes));
    }

    public Page Page(int number) => Document.GetPage(number);

    public IEnumerable<Page> Pages() => Document.GetPages();

    /// <summary>All text of a page with whitespace removed, so assertions do not depend on how PdfPig spaces words.</summary>
    public string CompactText(int page) => Compact(Page(page).Text);

    public string AllCompactText() => string.Concat(Pages().Select(p => Compact(p.Text)));

    public static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public void Dispose() => Document.Dispose();
}
