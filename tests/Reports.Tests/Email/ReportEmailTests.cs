using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Workload;
using Reports.Documents;
using Reports.Tests.Support;

namespace Reports.Tests.Email;

public sealed class ReportEmailTests
{
    private static readonly ReportRenderer Renderer = new(TestFonts.Default, TimeProvider.System);

    [Fact]
    public void WeeklyMail_SummarisesTheFlagsAndFigures_WithTheChartInline()
    {
        var report = Renderer.Weekly(ReportFixtures.Weekly(ReportScope.ForTeam("Workplace"), "Workplace"));

        var mail = report.Email;
        File.WriteAllText(Path.Combine(RenderedPdf.OutputFolder, "weekly-mail.html"), mail.Html);
        Assert.Equal("Weekly workload report: Workplace, 2026-W47 – 1 overload flag", mail.Subject);
        Assert.Contains("Workplace received 300 tickets in 2026-W47 and resolved 240.", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Incoming exceeded resolved for 6 weeks running: +360 tickets (backlog 80 → 440).", mail.Html, StringComparison.Ordinal);
        var image = Assert.Single(mail.Images);
        Assert.Contains($"src=\"cid:{image.ContentId}\"", mail.Html, StringComparison.Ordinal);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47], image.Png[..4]);
        Assert.Contains($"The full report ({report.Pages} pages) is attached", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Incoming tickets: 300", mail.PlainText, StringComparison.Ordinal);
        Assert.Equal("weekly-workplace-2026-W47.pdf", report.FileName);
    }

    [Fact]
    public void AppreciationMail_QuotesWithoutNamesTheScopeMayNotSee()
    {
        var report = Renderer.Appreciation(ReportFixtures.Appreciation(ReportScope.Department, "Department"));

        Assert.Contains("“Thanks [colleague], you saved my presentation! [colleague] helped too.”", report.Email.Html, StringComparison.Ordinal);
        foreach (var agent in ReportFixtures.Agents)
        {
            Assert.DoesNotContain(agent.Name.Split(' ')[0], report.Email.Html, StringComparison.Ordinal);
            Assert.DoesNotContain(agent.Name.Split(' ')[0], report.Email.PlainText, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AppreciationMail_GivesEveryPersonALineBeforeAnyoneASecond()
    {
        var model = ReportFixtures.Appreciation(ReportScope.ForTeam("Workplace"), "Workplace");
        // Seven highlights for the first agent alphabetically and one for another: a list taken in order
        // would give every line to the first.
        IReadOnlyList<Analytics.Recognition.Highlight> many =
        [
            .. Enumerable.Range(1, 7).Select(i => new Analytics.Recognition.Highlight("Workplace", "Anna Aalders", "p1", $"resolved {i} priority-1 incidents")),
            new Analytics.Recognition.Highlight("Workplace", "Tim Bakker", "changes-after-hours", "carried out 5 changes after hours, none of which caused an incident"),
        ];
        model = model with { View = model.View with { Highlights = many } };

        var mail = Renderer.Appreciation(model).Email;

        Assert.Contains("Tim Bakker carried out 5 changes after hours", mail.Html, StringComparison.Ordinal);
        Assert.Contains("2 more in the attached summary", mail.Html, StringComparison.Ordinal);
        Assert.Contains("Highlights of the quarter", mail.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void HostileText_IsEscapedInTheMail_AndRendersInThePdf()
    {
        var model = ReportFixtures.Weekly(ReportScope.ForTeam("Workplace"), "Workplace");
        var hostileFlag = new TeamFlag(HostileText.Script, ReportFixtures.Week, FlagSeverity.Critical,
            [new FlagReason("x", FlagSeverity.Critical, HostileText.RightToLeft + " " + HostileText.Emoji + " " + HostileText.Controls + " " + HostileText.Long)]);
        var hostileAgent = model.Workload.Agents[0] with { Agent = HostileText.Script + HostileText.Emoji };
        model = model with
        {
            Context = model.Context with { Subject = HostileText.Script + " " + HostileText.Long },
            Workload = model.Workload with { TeamFlags = [hostileFlag], Agents = [hostileAgent, .. model.Workload.Agents.Skip(1)] },
        };

        var report = Renderer.Weekly(model);

        Assert.DoesNotContain("<script>", report.Email.Html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onmouseover=\"", report.Email.Html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", report.Email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u0007', report.Email.Html);
        Assert.DoesNotContain('\u0000', report.Email.PlainText);
        using var pdf = RenderedPdf.FromBytes(report.Pdf, "weekly-hostile");
        Assert.Contains("<script>alert('x')</script>", pdf.Page(1).Text, StringComparison.Ordinal);
        Assert.True(pdf.PageCount >= 6);
    }
}
