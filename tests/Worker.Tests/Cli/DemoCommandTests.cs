using UglyToad.PdfPig;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>The README's main command as a newcomer runs it: the worker executable, "demo", the embedded defaults.</summary>
public sealed class DemoCommandTests : IDisposable
{
    private static readonly string[] Teams = ["department", "applications", "identity-access", "infrastructure", "network-security", "service-desk", "workplace"];

    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Demo_WritesTheThreeReportsForEveryTeamAndTheDepartment_AndTheirMails()
    {
        // Only the working directory is set: ./out holds the store, the reports and the mail, as the README says.
        await using var demo = WorkerProcess.Start(_folder.Path, new Dictionary<string, string>(), "demo", "--last-day", "2026-11-22");

        Assert.Equal(0, await demo.WaitForExitAsync(TimeSpan.FromMinutes(4)));
        var reports = Path.Combine(_folder.Path, "out", "reports", "2026-W47");
        var expected = Teams.SelectMany(t => new[] { $"weekly-{t}-2026-W47.pdf", $"appreciation-{t}-2026-W47.pdf", $"staffing-{t}-2026-W47.pdf" }).Order();
        Assert.Equal(expected, Directory.GetFiles(reports).Select(Path.GetFileName).Order());
        foreach (var file in Directory.GetFiles(reports))
        {
            Reports.Tests.Support.Qpdf.AssertValid(File.ReadAllBytes(file), Path.GetFileName(file));
            using var pdf = PdfDocument.Open(file);
            Assert.True(pdf.NumberOfPages >= 2, $"{file}: {pdf.NumberOfPages} pages");
            Assert.True(new FileInfo(file).Length < 500_000, $"{file}: {new FileInfo(file).Length:N0} bytes");
        }

        var mails = Directory.GetFiles(Path.Combine(_folder.Path, "out", "mail"), "*.eml");
        Assert.Equal(21, mails.Length);
        Assert.Contains(mails, m => Recipients(m).Contains(DemoCommand.DemoDepartmentRecipient));
        var workplace = mails.Where(m => Recipients(m).Contains("lead.workplace@example.org")).ToList();
        Assert.Equal(3, workplace.Count);
        foreach (var kind in new[] { "weekly", "appreciation", "staffing" })
        {
            Assert.Single(workplace, m => File.ReadAllText(m).Contains($"{kind}-workplace-2026-W47.pdf", StringComparison.Ordinal));
        }

        Assert.Contains("Workplace", demo.Output, StringComparison.Ordinal);
        Assert.Contains(reports, demo.Output, StringComparison.Ordinal);
    }

    private static HashSet<string> Recipients(string eml) =>
        MimeKit.MimeMessage.Load(eml).To.Mailboxes.Select(a => a.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);

    public void Dispose() => _folder.Dispose();
}
