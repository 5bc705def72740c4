using System.Text.RegularExpressions;
using MimeKit;
using UglyToad.PdfPig;
using Worker.Delivery;
using Worker.Reporting;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary>
/// The weekly reports job end to end on demo data, through a real SMTP server on loopback: every scope's
/// three reports reach their own readers, with their PDFs attached and charts inline; nothing about one
/// team reaches another team's readers; a second run sends nothing.
/// </summary>
public sealed class WeeklyReportingTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private SmtpSink _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpSink.StartAsync(_folder.File("smtp"));

    [Fact]
    public async Task WeeklyJob_MailsEveryScopesReportsToItsOwnReaders()
    {
        using var harness = await ReportingHarness.StartAsync(Settings());
        var reporting = harness.Service<WeeklyReporting>();

        var (reports, queued) = await reporting.ProduceAndQueueAsync(ReportingHarness.Week, CancellationToken.None);
        var sent = await harness.Service<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        await _smtp.WaitForMessagesAsync(sent, TimeSpan.FromSeconds(30));

        // The department and six teams, three reports each, one reader each.
        Assert.Equal(21, reports.Count);
        Assert.Equal(21, queued);
        Assert.Equal(21, sent);
        var messages = _smtp.Messages();
        Assert.Equal(21, messages.Count);
        var expected = new Dictionary<string, string>
        {
            ["cio@example.org"] = "department",
            ["wp-manager@example.org"] = "workplace",
            ["desk-manager@example.org"] = "service-desk",
            ["lead.networksecurity@example.org"] = "network-security",
            ["lead.applications@example.org"] = "applications",
            ["lead.identityaccess@example.org"] = "identity-access",
            ["lead.infrastructure@example.org"] = "infrastructure",
        };
        foreach (var (to, scope) in expected)
        {
            var mine = messages.Where(m => m.RcptTo.SequenceEqual([to])).Select(m => m.Message).ToList();
            Assert.Equal(
                [$"appreciation-{scope}-2026-W47.pdf", $"staffing-{scope}-2026-W47.pdf", $"weekly-{scope}-2026-W47.pdf"],
                mine.SelectMany(m => m.Attachments.OfType<MimePart>().Where(p => !p.ContentType.IsMimeType("image", "png")).Select(p => p.FileName)).Order());
            foreach (var message in mine)
            {
                var image = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentType.IsMimeType("image", "png"));
                Assert.Contains($"cid:{image.ContentId}", message.HtmlBody, StringComparison.Ordinal);
            }
        }

        // A second run of the job (a recovered or repeated fire) queues and sends nothing.
        var rerun = await reporting.ProduceAndQueueAsync(ReportingHarness.Week, CancellationToken.None);
        Assert.Equal(0, rerun.Queued);
        Assert.Equal(0, await harness.Service<OutboxDispatcher>().DispatchAsync(CancellationToken.None));
        Assert.Equal(21, _smtp.Messages().Count);
    }

    [Fact]
    public async Task RenderedPdfsAndMails_HoldNoNameTheirReaderMayNotSee()
    {
        using var harness = await ReportingHarness.StartAsync(Settings());

        var (reports, _) = await harness.Service<WeeklyReporting>().ProduceAndQueueAsync(ReportingHarness.Week, CancellationToken.None);

        var agents = harness.Data.Agents;
        foreach (var report in reports)
        {
            Reports.Tests.Support.Qpdf.AssertValid(report.Pdf, report.FileName);
            var team = report.Scope is Analytics.Privacy.TeamScope t ? t.Team : null;
            using var pdf = PdfDocument.Open(report.Pdf);
            var text = string.Join(" ", pdf.GetPages().Select(p => p.Text)) + " " + report.Email.Html + " " + report.Email.PlainText;
            foreach (var agent in agents.Where(a => a.Team != team))
            {
                Assert.False(Contains(text, agent.Name), $"{agent.Name} ({agent.Team}) appears in {report.FileName}");
                Assert.False(Contains(text, agent.Name.Split(' ')[0]), $"{agent.Name.Split(' ')[0]} ({agent.Team}) appears in {report.FileName}");
            }
        }

        var workplace = reports.Single(r => r.FileName == "weekly-workplace-2026-W47.pdf");
        using var own = PdfDocument.Open(workplace.Pdf);
        Assert.Contains(agents.First(a => a.Team == "Workplace").Name.Split(' ')[0], string.Join(" ", own.GetPages().Select(p => p.Text)), StringComparison.Ordinal);
    }

    /// <summary>Whole words only, so "Eva" does not match "Evaluation"; PdfPig may run words together, so spaces are ignored in names.</summary>
    private static bool Contains(string text, string name) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}]){Regex.Escape(name).Replace("\\ ", "\\s*", StringComparison.Ordinal)}(?![\p{{L}}])", RegexOptions.CultureInvariant);

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, _smtp.Port);
        settings["Delivery:From"] = "Workload monitor <workload@it.example.org>";
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        settings["Delivery:Teams:Workplace:Managers:0"] = "wp-manager@example.org";
        settings["Delivery:Teams:Service Desk:Managers:0"] = "desk-manager@example.org";
        settings["Reporting:OutputFolder"] = _folder.File("reports");
        return settings;
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    public void Dispose() => _folder.Dispose();
}
