using Analytics.Privacy;
using Reports.Documents;
using Reports.Tests.Support;

namespace Reports.Tests.Email;

/// <summary>
/// A report mail travels as base64 (a third larger than its parts): the PDF, the inline chart and
/// the two bodies must stay under 200 KB together, and a weekly team report under 120 KB. Before
/// the font subset dropped hinting and rare blocks, the two embedded faces alone were ~207 KB.
/// </summary>
public sealed class MailSizeTests
{
    private static readonly ReportRenderer Renderer = new(TestFonts.Default, TimeProvider.System);

    public static TheoryData<string> Kinds => ["weekly", "appreciation", "staffing"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Mail_WithItsPdf_IsUnder200KB_AndThePdfIsSound(string kind)
    {
        var scope = ReportScope.ForTeam("Workplace");
        var report = kind switch
        {
            "weekly" => Renderer.Weekly(ReportFixtures.Weekly(scope, "Workplace")),
            "appreciation" => Renderer.Appreciation(ReportFixtures.Appreciation(scope, "Workplace")),
            _ => Renderer.Staffing(ReportFixtures.Staffing(scope, "Workplace")),
        };

        Qpdf.AssertValid(report.Pdf, $"size-{kind}.pdf");
        Assert.True(report.Pdf.Length < 120_000, $"the {kind} PDF is {report.Pdf.Length:N0} bytes");
        var encoded = Base64(report.Pdf.Length) + report.Email.Images.Sum(i => Base64(i.Png.Length))
            + Base64(System.Text.Encoding.UTF8.GetByteCount(report.Email.Html)) + Base64(System.Text.Encoding.UTF8.GetByteCount(report.Email.PlainText));
        Assert.True(encoded < 200_000, $"the {kind} mail's parts are {encoded:N0} bytes encoded (PDF {report.Pdf.Length:N0}, charts {string.Join(", ", report.Email.Images.Select(i => i.Png.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))})");
    }

    private static long Base64(long bytes) => (bytes + 2) / 3 * 4 * 78 / 76;
}
