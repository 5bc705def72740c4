using System.Globalization;
using System.Text.RegularExpressions;
using MimeKit;
using UglyToad.PdfPig;
using Worker.Delivery;
using Worker.Reporting;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary>
/// One truth per figure, read back from what a manager receives: the PDFs (PdfPig) and the mails as they
/// were written to the pickup folder (MimeKit). A figure printed in two places must be the same number.
/// </summary>
public sealed class ReportFiguresAgreeTests : IDisposable
{
    private static readonly string Next = ReportingHarness.Week.Next().ToString();
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task NextWeeksTickets_ShortAndSpareStaff_AndThankYous_AreTheSameWhereverTheyArePrinted()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        settings["Delivery:Teams:Workplace:Managers:0"] = "wp-manager@example.org";
        using var harness = await ReportingHarness.StartAsync(settings);
        var (reports, _) = await harness.Service<WeeklyReporting>().ProduceAndQueueAsync(ReportingHarness.Week, CancellationToken.None);
        await harness.Service<OutboxDispatcher>().DispatchAsync(CancellationToken.None);
        var mails = Directory.GetFiles(_folder.File("mail"), "*.eml").Select(f => MimeMessage.Load(f)).ToList();

        foreach (var scope in new[] { "department", "workplace" })
        {
            var staffing = Pdf(reports.Single(r => r.FileName == $"staffing-{scope}-2026-W47.pdf").Pdf);
            var weekly = Pdf(reports.Single(r => r.FileName == $"weekly-{scope}-2026-W47.pdf").Pdf);
            var mail = mails.Single(m => (m.Subject ?? "").StartsWith("Staffing forecast", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == (scope == "department" ? "cio@example.org" : "wp-manager@example.org")).TextBody ?? "";

            // The staffing page's tile, its forecast section, the weekly report's forecast section and the mail.
            var inMail = Match(mail, @"Tickets expected next week: ([\d,]+)");
            Assert.Equal(inMail, Match(staffing, $@"Next week \({Next}\) about ([\d,]+) tickets"));
            Assert.Equal(inMail, Match(weekly, $@"Next week \({Next}\) about ([\d,]+) tickets"));
            // The tiles' figures are one line, their labels the next; the first tile is next week's tickets.
            Assert.Matches($@"(?m)^{Regex.Escape(inMail)}(\s[^\n]*)?\n[^\n]*Tickets expected in", staffing);
        }

        // The department's short teams are named apart from its spare ones, with the same figure in the PDF and the mail.
        var department = Pdf(reports.Single(r => r.FileName == "staffing-department-2026-W47.pdf").Pdf);
        var departmentMail = mails.Single(m => (m.Subject ?? "").StartsWith("Staffing forecast", StringComparison.Ordinal) && m.To.Mailboxes.Single().Address == "cio@example.org").TextBody ?? "";
        var shortInMail = Match(departmentMail, @"FTE short, average: ([\d.]+) \(Workplace\)");
        Assert.Equal(shortInMail, Match(department, @"Workplace is short by ([\d.]+) FTE on average"));
        Assert.Contains("−" + shortInMail, department, StringComparison.Ordinal);
        Assert.Equal(Match(departmentMail, @"FTE to spare, average: ([\d.]+)"), Match(department, @"have ([\d.]+) FTE to spare between them"));

        // Thank-yous: the quarter's tile and the team's highlight count the same feedback, opted-out agents' included.
        var appreciation = Pdf(reports.Single(r => r.FileName == "appreciation-workplace-2026-W47.pdf").Pdf);
        var highlight = Match(appreciation, @"Received ([\d,]+) thank-yous in customer feedback");
        Assert.Matches($@"(?m)\s{Regex.Escape(highlight)}\n[^\n]*Thank-yous this", appreciation);
        Assert.True(int.Parse(highlight, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) > 0);
    }

    /// <summary>The first group of <paramref name="pattern"/> in the text read as one line (a sentence may wrap).</summary>
    private static string Match(string text, string pattern)
    {
        var match = Regex.Match(Regex.Replace(text, @"\s+", " "), pattern);
        Assert.True(match.Success, $"'{pattern}' not found in:\n{text}");
        return match.Groups[1].Value;
    }

    /// <summary>The text line by line, as PdfPig reads the words of each line in order.</summary>
    private static string Pdf(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join("\n", pdf.GetPages().SelectMany(p => p.GetWords().GroupBy(w => Math.Round(w.BoundingBox.Bottom)).OrderByDescending(g => g.Key).Select(g => string.Join(" ", g.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text)))));
    }

    public void Dispose() => _folder.Dispose();
}
