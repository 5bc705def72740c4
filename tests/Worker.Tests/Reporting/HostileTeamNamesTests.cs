using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;
using Analytics.Demo;
using Analytics.Privacy;
using Analytics.Tickets;
using MimeKit;
using Reports.Documents;
using Worker.Delivery;
using Worker.Reporting;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary>
/// The weekly job over 50 teams whose names attack file names: every team gets its own PDFs and every reader
/// their own mails, nothing lands outside the output folder, no name is too long, and a report that cannot
/// be produced stops nobody else's.
/// </summary>
public sealed class HostileTeamNamesTests : IDisposable
{
    private const string SharedManager = "shared.manager@example.org";
    private const string CyrillicOne = "Служба поддержки";
    private const string CyrillicTwo = "Отдел разработки";
    private const string Failing = "🚀 Rocket team";

    /// <summary>Well under the 255 bytes a file name may take, leaving room for the folder on any file system.</summary>
    private const int MaxNameBytes = 160;

    private static readonly string Long300 = string.Concat(Enumerable.Repeat("Infrastructure and Operations ", 10));
    private static readonly string Long300Twin = Long300[..^6] + "Other!";

    public static readonly string[] Names =
    [
        "a/b", "ab", "a\\b", "a:b", "a b",
        CyrillicOne, CyrillicTwo,
        Long300, Long300Twin, new string('x', 255),
        "IT", "it", "It", "Service Desk", "service-desk",
        "..", ".", "../../etc/passwd", "..\\..\\windows\\system32", "/",
        "\\", ":", "CON", "NUL", "con.txt",
        "COM1", "LPT1", "trailing dot.", "trailing space ", " leading space",
        "tab\tname", "nul\0char", "bell\u0007ctrl", "esc\u001b[31mred", "new\nline",
        "🔥🔥🔥", Failing, "فريق الدعم", "צוות תמיכה", "evil\u202Efdp.exe",
        "服务台", "サービスデスク", "Δέλτα ομάδα", "Ünïcödé Team", "Unicode Team",
        "Dept.", "department", "what?*<>|\"", "%00%2e%2e", "-- --",
    ];

    private readonly TempDirectory _folder = new();

    private string ReportFolder => _folder.File("reports");

    private string WeekFolder => Path.Combine(ReportFolder, ReportingHarness.Week.ToString());

    private string MailFolder => _folder.File("mail");

    [Fact]
    public async Task WeeklyJob_With50HostileTeamNames_WritesOnePdfPerReportAndOneMailPerReader()
    {
        Assert.Equal(50, Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(300, Long300.Length);
        using var harness = await ReportingHarness.StartAsync(Settings(), 20, Spread, train: false);

        // The scopes as the run sees them, to aim one fault at one team's weekly PDF: a folder squats on its file name.
        var inputs = await harness.Service<ReportModelBuilder>().LoadAsync(ReportingHarness.Week, CancellationToken.None);
        var scopes = inputs.Scopes.ToList();
        Assert.Equal(51, scopes.Count);
        var squatted = ReportFileNames.For(scopes).FileName(ReportKind.Weekly, ReportScope.ForTeam(Failing), ReportingHarness.Week);
        Directory.CreateDirectory(Path.Combine(WeekFolder, squatted));
        using var counted = CountReports(harness.Service<IMeterFactory>());

        var run = await harness.Service<WeeklyReporting>().ProduceAndQueueAsync(ReportingHarness.Week, CancellationToken.None);

        // One report failed, and only that one: the team's other two reports and every other team's three are there.
        var failure = Assert.Single(run.Failures);
        Assert.Equal((ReportKind.Weekly, ReportScope.ForTeam(Failing)), (failure.Kind, failure.Scope));
        Assert.Equal((51 * 3) - 1, run.Reports.Count);
        Assert.Contains("could not be produced (weekly for team '🚀 Rocket team'", run.Summary(ReportingHarness.Week), StringComparison.Ordinal);
        Assert.Equal((152, 1), (counted.Outcomes.GetValueOrDefault("written"), counted.Outcomes.GetValueOrDefault("failed")));

        // One distinct file per report, distinct even ignoring case, each holding that report's PDF.
        var pdfs = Directory.GetFiles(WeekFolder);
        Assert.Equal(run.Reports.Count, pdfs.Length);
        Assert.Equal(pdfs.Length, pdfs.Select(Path.GetFileName).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        foreach (var report in run.Reports)
        {
            Assert.Equal(report.Pdf, await File.ReadAllBytesAsync(Path.Combine(WeekFolder, report.FileName)));
        }

        foreach (var scope in scopes)
        {
            Assert.Equal(scope == ReportScope.ForTeam(Failing) ? 2 : 3, run.Reports.Count(r => r.Scope == scope));
        }

        // Names stay readable where they can: letters of any script are kept.
        Assert.Contains(run.Reports, r => r.FileName == "weekly-служба-поддержки-2026-W47.pdf");
        Assert.Contains(run.Reports, r => r.FileName == "weekly-服务台-2026-W47.pdf");
        Assert.Contains(run.Reports, r => r.FileName == "weekly-department-2026-W47.pdf" && r.Scope == ReportScope.Department);

        // Every mail goes out, once per reader and report: the two Cyrillic teams' shared manager gets six.
        int sent = 0;
        for (int batch; (batch = await harness.Service<OutboxDispatcher>().DispatchAsync(CancellationToken.None)) > 0;)
        {
            sent += batch;
        }

        Assert.Equal(run.Reports.Count, run.Queued);
        Assert.Equal(run.Queued, sent);
        var mails = Directory.GetFiles(MailFolder, "*.eml");
        Assert.Equal(sent, mails.Length);
        var received = new List<(string To, string Attachment)>();
        foreach (var file in mails)
        {
            using var message = await MimeMessage.LoadAsync(file);
            received.Add((message.To.Mailboxes.Single().Address, message.Attachments.OfType<MimePart>().Single(p => p.ContentType.IsMimeType("application", "pdf")).FileName ?? string.Empty));
        }

        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.Equal(
            run.Reports.Where(r => r.Scope == ReportScope.ForTeam(CyrillicOne) || r.Scope == ReportScope.ForTeam(CyrillicTwo)).Select(r => r.FileName).Order(StringComparer.Ordinal),
            received.Where(m => m.To == SharedManager).Select(m => m.Attachment).Order(StringComparer.Ordinal));
        foreach (var report in run.Reports.Where(r => r.Scope is TeamScope))
        {
            var team = ((TeamScope)report.Scope).Team;
            Assert.Equal([ManagerOf(team)], received.Where(m => m.Attachment == report.FileName).Select(m => m.To));
        }

        // Nothing outside the output folders, no temporary file left, no name over the limit.
        foreach (var entry in Directory.EnumerateFileSystemEntries(_folder.Path, "*", SearchOption.AllDirectories))
        {
            var parent = Path.GetDirectoryName(entry);
            Assert.True(
                parent == WeekFolder || parent == MailFolder || (parent == ReportFolder && entry == WeekFolder) || parent == _folder.Path,
                $"{entry} is outside the report and mail folders");
            Assert.DoesNotContain(".tmp", entry, StringComparison.Ordinal);
            Assert.True(Encoding.UTF8.GetByteCount(Path.GetFileName(entry)) <= MaxNameBytes, $"{Path.GetFileName(entry)} is longer than {MaxNameBytes} bytes");
        }

        Assert.All(
            Directory.GetFileSystemEntries(_folder.Path).Select(Path.GetFileName),
            n => Assert.True(n is "mail" or "reports" || n!.StartsWith("analytics.db", StringComparison.Ordinal) || n.StartsWith("quartz.db", StringComparison.Ordinal), n));

        // The job's own run: the same fault fails the run with one sentence naming it, after everything else
        // was kept (nothing overwritten) and nothing was queued twice.
        var written = pdfs.ToDictionary(p => p, File.GetLastWriteTimeUtc);
        var ex = await Assert.ThrowsAsync<ReportsIncompleteException>(() => harness.Service<WeeklyReporting>().RunAsync(ReportingHarness.Week, CancellationToken.None));
        Assert.StartsWith("Reports for 2026-W47: 1 of 153 could not be produced (weekly for team '🚀 Rocket team': ", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("the other 152 were written and 0 mails queued.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(written, Directory.GetFiles(WeekFolder).ToDictionary(p => p, File.GetLastWriteTimeUtc));
        Assert.Equal((152, 152, 2), (counted.Outcomes.GetValueOrDefault("written"), counted.Outcomes.GetValueOrDefault("kept"), counted.Outcomes.GetValueOrDefault("failed")));
    }

    /// <summary>The worker.reports.produced counter of this test's host only (other tests' hosts run in parallel).</summary>
    private static ReportCount CountReports(IMeterFactory meters)
    {
        var count = new ReportCount();
        count.Listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Name == ReportMetrics.InstrumentName && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        count.Listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "outcome")
                {
                    count.Outcomes.AddOrUpdate((string)tag.Value!, value, (_, total) => total + value);
                }
            }
        });
        count.Listener.Start();
        return count;
    }

    private sealed class ReportCount : IDisposable
    {
        public MeterListener Listener { get; } = new();

        public ConcurrentDictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

        public void Dispose() => Listener.Dispose();
    }

    private static string ManagerOf(string team) =>
        team is CyrillicOne or CyrillicTwo ? SharedManager : $"manager{Array.IndexOf(Names, team):00}@example.org";

    /// <summary>
    /// The demo's tickets and agents spread over the hostile teams; each team's managers on the roster. The event
    /// log goes: its reassignments name the demo's own teams.
    /// </summary>
    private static DemoDataSet Spread(DemoDataSet data)
    {
        var teams = Names.Select(n => new Team { Name = n, ManagerEmails = [ManagerOf(n)] }).ToList();
        return data with
        {
            Teams = teams,
            Agents = [.. data.Agents.Select((a, i) => a with { Team = Names[i % Names.Length] })],
            Tickets = [.. data.Tickets.Select((t, i) => t with { Team = Names[i % Names.Length] })],
            Events = [],
        };
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Delivery:From"] = "Workload monitor <workload@it.example.org>";
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        settings["Reporting:OutputFolder"] = ReportFolder;
        return settings;
    }

    public void Dispose() => _folder.Dispose();
}
