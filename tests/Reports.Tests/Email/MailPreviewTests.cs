using Analytics.Privacy;
using Reports.Documents;
using Reports.Email;
using Reports.Tests.Support;

namespace Reports.Tests.Email;

public sealed class MailPreviewTests
{
    [Fact]
    public void Preview_ShowsTheChartsInline_AndTheSubjectAndAttachment()
    {
        var report = new ReportRenderer(TestFonts.Default, TimeProvider.System).Weekly(ReportFixtures.Weekly(ReportScope.ForTeam("Workplace"), "Workplace <b>&"));

        var html = MailPreview.Html(report.Email, report.FileName);

        File.WriteAllText(Path.Combine(RenderedPdf.OutputFolder, "weekly-mail-preview.html"), html);
        Assert.DoesNotContain("cid:", html, StringComparison.Ordinal);
        var image = Assert.Single(report.Email.Images);
        Assert.Contains($"src=\"data:image/png;base64,{Convert.ToBase64String(image.Png)}\"", html, StringComparison.Ordinal);
        Assert.Contains("Attachment: weekly-workplace-2026-W47.pdf", html, StringComparison.Ordinal);
        Assert.Contains("Subject: Weekly workload report: Workplace &lt;b&gt;&amp;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>&", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("Preview", StringComparison.Ordinal) > html.IndexOf("<body", StringComparison.Ordinal), "the strip belongs inside the body");
    }
}
