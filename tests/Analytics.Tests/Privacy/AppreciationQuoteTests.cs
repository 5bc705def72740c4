using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Recognition;
using Analytics.Tests.Recognition;
using Analytics.Tests.Support;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Privacy;

/// <summary>
/// Thank-you quotes from a real SQLite store through the recognition calculator and the appreciation
/// view: every name the store knows is gone, whichever column it came from.
/// </summary>
public sealed class AppreciationQuoteTests : IDisposable
{
    private readonly WorkloadScenario _s = new();

    [Fact]
    public async Task StoreNames_KnowsAgentsAssigneesResolversAuthorsAndTimeRegistrants_NotTeams()
    {
        _s.Agent("Kees Jansen", "Alpha");
        var ticket = _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 09:30", assignee: "Femke Dijkstra", resolvedBy: "Roos van Dijk");
        _s.Ticket("Alpha", "2026-03-16 10:00", assignee: "Beta");
        _s.Article("KB1", "VPN op een nieuwe laptop", "Bram Visser", "Alpha", "2026-01-10 10:00", 3);
        _s.Logged("Wim Mulder", "2026-03-16", 30, ticket);
        await _s.SaveAsync();

        var names = await _s.Store.Reference.GetPersonNamesAsync(CancellationToken.None);

        Assert.Equal(["Bram Visser", "Femke Dijkstra", "Kees Jansen", "Roos van Dijk", "Wim Mulder"], names);
    }

    [Fact]
    public async Task AppreciationView_QuotesWithoutAnyNameTheStoreKnows()
    {
        _s.Agent("Kees Jansen", "Alpha").Agent("Roos van Dijk", "Alpha").Agent("Mark Bos", "Alpha");
        // Femke only appears as an assignee and Bram only as an article's author: neither is on the roster.
        var byKees = _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 09:30", assignee: "Kees Jansen");
        var byRoos = _s.Ticket("Alpha", "2026-03-16 10:00", "2026-03-16 11:00", assignee: "Femke Dijkstra", resolvedBy: "Roos van Dijk");
        var byMark = _s.Ticket("Alpha", "2026-03-17 10:00", "2026-03-17 10:30", assignee: "Mark Bos");
        var queued = _s.Ticket("Alpha", "2026-03-17 11:00", "2026-03-17 12:00", assignee: "Beta", resolvedBy: "Mark Bos");
        var signed = _s.Ticket("Alpha", "2026-03-18 11:00", "2026-03-18 12:00", assignee: "Kees Jansen");
        _s.Article("KB1", "VPN op een nieuwe laptop", "Bram Visser", "Alpha", "2026-01-10 10:00", 3);
        _s.Feedback(byKees, "2026-03-16 12:00", 5, "Dank je wel Kees, super snel opgelost!\nGroetjes van Marieke");
        _s.Feedback(byRoos, "2026-03-16 13:00", 5, "Femke en Roos, bedankt voor het meedenken!");
        _s.Feedback(byMark, "2026-03-17 13:00", 4, "Het artikel van Bram Visser hielp al, thanks Mark!\n\nMet vriendelijke groet,\nP. de Groot\nAfdeling Inkoop\n06-12345678");
        _s.Feedback(queued, "2026-03-17 14:00", 5, "Beta heeft het netjes opgepakt, top!");
        _s.Feedback(signed, "2026-03-18 14:00", 5, "Groeten, Kees Bakker\nSent from my iPhone (top!)");

        var ledger = await RecognitionScenario.LedgerAsync(_s, "2026-W12", "2026-W12");
        var recognition = await RecognitionScenario.RecognitionAsync(_s, "2026-W12", "2026-W12");
        var policy = new PrivacyPolicy(Options.Create(new PrivacyOptions()), _s.Agents);
        var view = new AppreciationViewBuilder(policy).Build(ReportScope.ForTeam("Alpha"), ledger, recognition, IsoWeek.Parse("2026-W12"), new Dictionary<string, int> { ["Alpha"] = 3 });

        Assert.Equal(
            [
                "Dank je wel, super snel opgelost!",
                "Bedankt voor het meedenken!",
                "Het artikel van [colleague] hielp al, thanks!",
                "Beta heeft het netjes opgepakt, top!",
            ],
            view.ThankYous.Where(t => t.Quotable).OrderBy(t => t.GivenAt).Select(t => t.Comment));
        // The thanks still count, the signed one too: only its quote is dropped, so the report's count
        // of thank-yous and the team's highlight say the same number.
        Assert.Equal(5, view.ThankYous.Count);
        Assert.Contains(recognition.ForTeam("Alpha"), h => h.Text.Contains("5 thank-yous", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfiguredReplacement_IsThePlaceholder()
    {
        _s.Agent("Kees Jansen", "Alpha");
        var ticket = _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 09:30", assignee: "Kees Jansen");
        _s.Feedback(ticket, "2026-03-16 12:00", 5, "Geholpen door Kees, top!");
        await _s.SaveAsync();
        var store = _s.Store;
        var calculator = new RecognitionCalculator(store.Connections, store.Reference, store.Activity, new WorkClassifier(Options.Create(new InvisibleWorkOptions())),
            new DutchHolidayCalendar(), Options.Create(new InvisibleWorkOptions()), Options.Create(new Analytics.Workload.WorkloadOptions()),
            Options.Create(new PrivacyOptions { NameReplacement = "[naam]" }));

        var result = await calculator.ComputeAsync(IsoWeek.Parse("2026-W12"), IsoWeek.Parse("2026-W12"), CancellationToken.None);

        Assert.Equal("Geholpen door [naam], top!", Assert.Single(result.ThankYous).Comment);
    }

    public void Dispose() => _s.Dispose();
}
