using Analytics.Privacy;
using Reports.Documents;
using Reports.Email;
using Reports.Tests.Support;

namespace Reports.Tests.Email;

/// <summary>
/// The three report mails in a real browser (headless chromium) at a phone's width (390 px) and a
/// narrow desktop window (800 px): nothing may stick out sideways, so nobody has to scroll left and
/// right to read a mail. The team name is a long Dutch compound with no place to break, the worst
/// case for a narrow column. Screenshots at 390 px are kept in the test output folder.
/// </summary>
public sealed class MailPhoneWidthTests
{
    private const string LongTeam = "Werkplekbeheereindgebruikersondersteuningsafdeling";

    // The fixtures' team (its people and figures), shown under the long name.
    private static readonly ReportScope Team = ReportScope.ForTeam("Workplace");

    private static readonly ReportRenderer Renderer = new(TestFonts.Default, TimeProvider.System);

    public static TheoryData<string> Kinds => ["weekly", "appreciation", "staffing"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Mail_FitsAPhoneAndANarrowWindow_WithoutSidewaysScrolling(string kind)
    {
        var html = MailPreview.Html(Mail(kind).Email, $"{kind}-report.pdf");

        foreach (var width in new[] { 390, 800 })
        {
            var (viewport, content) = HeadlessChromium.Widths(html, width);
            Assert.Equal(width, viewport);
            Assert.True(content <= viewport, $"the {kind} mail is {content} px wide in a {viewport} px window");
        }

        HeadlessChromium.Screenshot(html, 390, Path.Combine(RenderedPdf.OutputFolder, $"mail-{kind}-390.png"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Mail_HasAViewportTag_AndImagesThatShrink(string kind)
    {
        var html = Mail(kind).Email.Html;

        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", html, StringComparison.Ordinal);
        Assert.Contains("max-width:100%;height:auto", html, StringComparison.Ordinal);
    }

    private static RenderedReport Mail(string kind) => kind switch
    {
        "weekly" => Renderer.Weekly(ReportFixtures.Weekly(Team, LongTeam)),
        "appreciation" => Renderer.Appreciation(ReportFixtures.Appreciation(Team, LongTeam)),
        _ => Renderer.Staffing(ReportFixtures.Staffing(Team, LongTeam)),
    };
}
