using Reports.Layout;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Reports.Tests.Support;

/// <summary>Glyph boxes in PDF coordinates (origin bottom left), as PdfPig reports them.</summary>
internal static class PageGeometry
{
    public const double Tolerance = 1.0;

    /// <summary>Bounding box of a glyph, rotated text included.</summary>
    public static (double Left, double Bottom, double Right, double Top) Bounds(Letter letter)
    {
        PdfRectangle r = letter.BoundingBox;
        var xs = new[] { r.TopLeft.X, r.TopRight.X, r.BottomLeft.X, r.BottomRight.X };
        var ys = new[] { r.TopLeft.Y, r.TopRight.Y, r.BottomLeft.Y, r.BottomRight.Y };
        return (xs.Min(), ys.Min(), xs.Max(), ys.Max());
    }

    /// <summary>
    /// Every glyph lies on the page and between the side margins; every glyph of body content (not
    /// the running header or footer) lies inside the body rectangle.
    /// </summary>
    public static void AssertInside(RenderedPdf pdf, PageSetup setup)
    {
        double bodyBottom = setup.MarginBottom;
        double bodyTop = setup.Height - setup.MarginTop;
        foreach (var page in pdf.Pages())
        {
            var media = page.MediaBox.Bounds;
            foreach (var letter in page.Letters.Where(l => !string.IsNullOrWhiteSpace(l.Value)))
            {
                var (left, bottom, right, top) = Bounds(letter);
                string where = $"'{letter.Value}' on page {page.Number} at ({left:F1},{bottom:F1})-({right:F1},{top:F1})";
                Assert.True(left >= media.Left - Tolerance && right <= media.Right + Tolerance && bottom >= media.Bottom - Tolerance && top <= media.Top + Tolerance, $"{where} is outside the media box {media}");
                Assert.True(left >= setup.MarginLeft - Tolerance && right <= setup.Width - setup.MarginRight + Tolerance, $"{where} is outside the side margins");

                double middle = (bottom + top) / 2;
                if (middle > bodyBottom && middle < bodyTop)
                {
                    Assert.True(bottom >= bodyBottom - Tolerance && top <= bodyTop + Tolerance, $"{where} is body text crossing the top or bottom margin");
                }
            }
        }
    }
}
