using System.Net;
using System.Text.RegularExpressions;
using Analytics.Privacy;
using Reports.Documents;
using Reports.Text;
using UglyToad.PdfPig;
using Worker.Cli;
using Worker.Hosting;
using Worker.Reporting;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary>
/// Reports and mails in the readers' language, on the demo department: with Reporting:Language=nl every PDF and
/// every mail body reads without a sentence of the English resource left; a team's or the department's recipients
/// may have their own language; an unknown language stops the worker with one line naming the setting.
/// </summary>
public sealed partial class ReportLanguageTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Dutch_AllThreeReportsAndTheirMails_HoldNoEnglishResourceText()
    {
        using var harness = await ReportingHarness.StartAsync(Settings("nl"));

        var produced = await harness.Service<ReportProduction>().ProduceAsync(ReportingHarness.Week, _folder.File("reports"), CancellationToken.None);

        Assert.Empty(produced.Failures);
        Assert.Equal(21, produced.Reports.Count);
        var english = EnglishLiterals();
        var data = DataTexts(harness.Data);
        var found = new List<string>();
        var look = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "dutch-reports")).FullName;
        foreach (var report in produced.Reports)
        {
            // Kept for a person to look at (pdftoppm -r 60), as the layout tests keep theirs.
            await File.WriteAllBytesAsync(Path.Combine(look, report.FileName), report.Pdf);
            await File.WriteAllTextAsync(Path.Combine(look, Path.ChangeExtension(report.FileName, ".html")), Reports.Email.MailPreview.Html(report.Email, report.FileName));
            var texts = new Dictionary<string, string>
            {
                ["pdf"] = PdfText(report.Pdf),
                ["html"] = HtmlText(report.Email.Html),
                ["text"] = report.Email.PlainText,
                ["subject"] = report.Email.Subject,
            };
            foreach (var (part, text) in texts)
            {
                // Names, categories, problem titles and customers' words come from the data, in whatever language it has.
                var words = " " + Whitespace().Replace(data.Aggregate(text, (t, d) => t.Replace(d, " ", StringComparison.Ordinal)), " ") + " ";
                found.AddRange(english.Where(e => e.Pattern.IsMatch(words)).Select(e => $"{report.FileName} {part}: \"{e.Text}\" ({e.Key})"));
            }

            Assert.Contains("lang=\"nl\"", report.Email.Html, StringComparison.Ordinal);
        }

        Assert.True(found.Count == 0, "English left in Dutch reports:\n" + string.Join("\n", found.Distinct().Take(40)));

        // The texts really are the Dutch ones, with Dutch numbers and dates (not an empty or untranslated render).
        var weekly = produced.Reports.Single(r => r.Kind == ReportKind.Weekly && r.Scope is DepartmentScope);
        var pdf = Compact(PdfText(weekly.Pdf));
        Assert.Contains(Compact("Weekrapport werkdruk"), pdf, StringComparison.Ordinal);
        Assert.Contains(Compact("Pagina 1 van"), pdf, StringComparison.Ordinal);
        Assert.Contains(Compact("16–22 november 2026"), pdf, StringComparison.Ordinal);
        Assert.StartsWith("Weekrapport werkdruk: ", weekly.Email.Subject, StringComparison.Ordinal);
        Assert.Contains("Binnengekomen meldingen", HtmlText(weekly.Email.Html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TeamAndDepartmentRecipients_GetTheirOwnLanguage()
    {
        var settings = Settings("en");
        settings["Delivery:Teams:Workplace:Managers:0"] = "wp-manager@example.org";
        settings["Delivery:Teams:Workplace:Language"] = "nl";
        settings["Delivery:Teams:Service Desk:Managers:0"] = "desk-manager@example.org";
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        settings["Delivery:Department:Language"] = "NL";
        using var harness = await ReportingHarness.StartAsync(settings, 20, data => data, train: false);

        var run = await harness.Service<WeeklyReporting>().ProduceAndQueueAsync(ReportingHarness.Week, CancellationToken.None);

        Assert.Empty(run.Failures);
        foreach (var report in run.Reports)
        {
            var dutch = report.Scope is DepartmentScope || report.Scope is TeamScope { Team: "Workplace" };
            var title = Wording.For(dutch ? "nl" : "en")[report.Kind switch
            {
                ReportKind.Weekly => "Weekly.Title",
                ReportKind.Appreciation => "Appreciation.Title",
                _ => "Staffing.Title",
            }];
            Assert.StartsWith(title + ": ", report.Email.Subject, StringComparison.Ordinal);
            Assert.Contains(Compact(title), Compact(PdfText(report.Pdf)), StringComparison.Ordinal);
        }

        Assert.Equal(21, run.Reports.Count);
    }

    [Fact]
    public async Task OverloadAlert_IsInTheLanguageOfItsReaders()
    {
        var settings = Settings("en");
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        settings["Delivery:Teams:Workplace:Managers:0"] = "wp-manager@example.org";
        settings["Delivery:Teams:Workplace:Language"] = "nl";
        using var harness = await ReportingHarness.StartAsync(settings, 20, data => data, train: false);

        // An alert goes out when a flag is new: in the first week the demo's Workplace is flagged.
        var week = harness.Data.Scenario.OverloadFirstWeek;
        var queued = 0;
        while (queued == 0 && week <= ReportingHarness.Week)
        {
            queued = await harness.Service<OverloadAlerts>().CheckAsync(week, CancellationToken.None);
            week = week.Next();
        }

        var flagged = week.Previous();
        var mails = await harness.Service<Worker.Delivery.Outbox>().GetAsync(null, CancellationToken.None);
        var workplace = Assert.Single(mails, m => m.Key.Recipient == "wp-manager@example.org");
        Assert.StartsWith($"Signaal van overbelasting: Workplace, week {flagged.Week} (", workplace.Subject, StringComparison.Ordinal);
        var department = Assert.Single(mails, m => m.Key.Recipient == "cio@example.org");
        Assert.StartsWith($"Overload alert, {flagged}: ", department.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyticsPhrases_SaidFromTheEnglishResource_AreTheirEnglishText()
    {
        using var harness = await ReportingHarness.StartAsync(Settings("en"));

        var inputs = await harness.Service<ReportModelBuilder>().LoadAsync(ReportingHarness.Week, CancellationToken.None);

        // What the command line shows (the phrase's English) and what an English report says (the resource) are one text.
        var phrases = inputs.Overload.Teams.SelectMany(f => f.Reasons).Concat(inputs.Overload.Agents.SelectMany(f => f.Reasons)).Select(r => r.Phrase)
            .Concat(inputs.Recognition.Highlights.Select(h => h.Phrase))
            .Concat(inputs.Forecasts.Values.SelectMany(o => new[] { o.AccuracyPhrase, o.ModelAgePhrase }))
            .OfType<Analytics.Text.Phrase>()
            .ToList();
        Assert.True(phrases.Count > 20, $"Only {phrases.Count} phrases: the demo should flag teams and agents and have highlights and forecasts.");
        Assert.All(phrases, p => Assert.Equal(p.English, Wording.English.Say(p)));
        Assert.All(inputs.Overload.Teams.SelectMany(f => f.Reasons), r => Assert.NotNull(r.Phrase));
        Assert.All(inputs.Forecasts.Values, o => Assert.Equal(ForecastOutlookMapperAccuracy(o), Wording.English.Say(o.AccuracyPhrase!)));
    }

    /// <summary>The mapper's English accuracy sentence, which the phrase must repeat word for word.</summary>
    private static string ForecastOutlookMapperAccuracy(ForecastOutlook outlook) => outlook.Accuracy;

    [Theory]
    [InlineData("Reporting:Language", "fr")]
    [InlineData("Delivery:Department:Language", "english")]
    [InlineData("Delivery:Teams:Workplace:Language", "de")]
    public void UnknownLanguage_FailsNamingTheSetting(string key, string value)
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings[key] = value;
        using var host = TestSettings.BuildHost(settings, withReporting: true);

        var error = Assert.ThrowsAny<Exception>(() => CliHost.Validate(host.Services));

        Assert.True(ConfigurationErrors.TryDescribe(error, out var message));
        Assert.Equal($"{key}: '{value}' is not a report language; use one of en, nl.", message);
    }

    [Fact]
    public async Task RunCommand_UnknownLanguage_ExitsWithOneLineAndCode3()
    {
        var settings = TestSettings.Embedded(_folder.Path).Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        settings["Reporting:Language"] = "fr";
        await using var worker = WorkerProcess.Start(_folder.Path, settings);

        var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ConfigurationErrors.ExitCode, exit);
        Assert.Contains("Reporting:Language: 'fr' is not a report language; use one of en, nl.", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// The English resource's literal text between placeholders, where it says something (two words or more, or one
    /// long word) and Dutch does not say the same (no Dutch text holds it: "SLA", "Erlang C").
    /// </summary>
    private static List<(string Key, string Text, Regex Pattern)> EnglishLiterals()
    {
        var dutch = Wording.For("nl").Texts.Values.ToList();
        return [.. Wording.English.Texts
            .SelectMany(e => Placeholder().Split(e.Value).Select(p => (e.Key, Text: p.Trim(' ', '.', ',', ';', ':', '(', ')', '"', '“', '”', '–', '-', '+', '·'))))
            .Where(p => (p.Text.Contains(' ', StringComparison.Ordinal) && p.Text.Length >= 8) || p.Text.Length >= 6)
            .Where(p => !dutch.Any(d => d.Contains(p.Text, StringComparison.Ordinal)))
            .DistinctBy(p => p.Text)
            .Select(p => (p.Key, p.Text, new Regex(@"(?<!\p{L})" + Regex.Escape(p.Text).Replace("\\ ", "\\s+", StringComparison.Ordinal) + @"(?!\p{L})", RegexOptions.CultureInvariant)))];
    }

    /// <summary>Text from the data that a report prints as it is: team, agent and category names, problem and article titles, comments.</summary>
    private static List<string> DataTexts(Analytics.Demo.DemoDataSet data) =>
        [.. data.Teams.Select(t => t.Name)
            .Concat(data.Agents.Select(a => a.Name))
            .Concat(data.Tickets.SelectMany(t => new[] { t.Category, t.Kind == Analytics.Tickets.TicketKind.Problem ? t.Title : null }))
            .Concat(data.Articles.Select(a => a.Title))
            .Concat(data.Feedback.Select(f => f.Comment))
            .OfType<string>()
            .SelectMany(s => new[] { s, FirstWords(s) }) // a title wrapped in a table cell is cut by the next cell's words
            .Where(s => s.Length >= 3).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    private static string FirstWords(string text) => string.Join(' ', text.Split(' ').Take(2));

    /// <summary>The PDF's words with spaces between them (PdfPig's page text runs words together).</summary>
    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    private static string HtmlText(string html) => WebUtility.HtmlDecode(Tag().Replace(html.Replace("alt=\"", ">", StringComparison.Ordinal), " "));

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    private Dictionary<string, string?> Settings(string language)
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Reporting:Language"] = language;
        settings["Reporting:OutputFolder"] = _folder.File("reports");
        return settings;
    }

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    public void Dispose() => _folder.Dispose();
}
