using Analytics.Recognition;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Recognition;

public sealed class RecognitionCalculatorTests : IDisposable
{
    private static readonly string[] ComparisonWords = ["most", "top ", "best", "lowest", "least", "rank", "more than", "fewer than", "only "];

    private readonly WorkloadScenario _s = new();

    [Fact]
    public async Task Agents_GetSpecificHighlightsFromTheirWork()
    {
        _s.Agent("Ann", "Alpha").Agent("Bas", "Alpha").Agent("Cor", "Alpha");
        _s.Ticket("Alpha", "2026-03-16 02:00", "2026-03-16 03:00", resolvedBy: "Ann", priority: "1 - Critical");
        _s.Ticket("Alpha", "2026-03-17 10:00", "2026-03-17 11:00", resolvedBy: "Ann", priority: "P1");
        _s.Ticket("Alpha", "2026-03-10 10:00", "2026-03-17 11:00", resolvedBy: "Bas", reassignments: 3);
        _s.Ticket("Alpha", "2026-03-10 10:00", "2026-03-18 11:00", resolvedBy: "Bas", reassignments: 4);
        foreach (var day in new[] { "16", "17", "18" })
        {
            _s.Ticket("Alpha", "2026-03-09 10:00", $"2026-03-{day} 22:30", resolvedBy: "Cor", kind: TicketKind.Change);
        }

        var thanked = _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 09:30", resolvedBy: "Bas");
        var thankedAgain = _s.Ticket("Alpha", "2026-03-16 10:00", "2026-03-16 10:30", resolvedBy: "Bas");
        _s.Feedback(thanked, "2026-03-16 12:00", 5, "Dank je wel Bas, super snel!\nGroet, Kees Bakker");
        _s.Feedback(thankedAgain, "2026-03-17 12:00", 4, "Thanks a lot, works again.");
        _s.Article("KB1", "How to: reset MFA", "Ann", "Alpha", "2025-06-01 10:00", 14);

        var result = await RecognitionScenario.RecognitionAsync(_s, "2026-W12", "2026-W12");

        Assert.Equal(
            [
                ("Ann", "resolved 2 priority-1 incidents"),
                ("Ann", "wrote the knowledge article “How to: reset MFA”, used in 14 tickets"),
                ("Bas", "closed 2 tickets that had been passed on 3 or more times"),
                ("Bas", "received 2 thank-yous in customer feedback"),
                ("Cor", "carried out 3 changes after hours, none of which caused an incident"),
            ],
            result.ForAgentsOf("Alpha").Select(h => (h.Agent!, h.Text)));
        Assert.Contains(result.ThankYous, t => t.Comment == "Dank je wel, super snel!" && t.Agent == "Bas");
        Assert.DoesNotContain(result.Highlights, h => ComparisonWords.Any(w => h.Text.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task ChangesAfterHoursThatCausedAnIncident_AreNotPraisedAsIncidentFree()
    {
        _s.Agent("Cor", "Alpha");
        var first = _s.Ticket("Alpha", "2026-03-09 10:00", "2026-03-16 22:30", resolvedBy: "Cor", kind: TicketKind.Change);
        _s.Ticket("Alpha", "2026-03-09 10:00", "2026-03-17 22:30", resolvedBy: "Cor", kind: TicketKind.Change);
        _s.Ticket("Alpha", "2026-03-17 08:00", "2026-03-17 09:00", causedBy: first);

        var result = await RecognitionScenario.RecognitionAsync(_s, "2026-W12", "2026-W12");

        Assert.DoesNotContain(result.Highlights, h => h.Kind == "changes-after-hours");
    }

    [Fact]
    public async Task OptedOutAgent_GetsNoHighlightsButTheTeamStillCountsTheWork()
    {
        _s.Agent("Ann", "Alpha", optOut: true).Agent("Bas", "Alpha");
        var ticket = _s.Ticket("Alpha", "2026-03-16 02:00", "2026-03-16 03:00", resolvedBy: "Ann", priority: "1 - Critical");
        _s.Ticket("Alpha", "2026-03-16 04:00", "2026-03-16 05:00", resolvedBy: "Bas", priority: "1 - Critical");
        _s.Feedback(ticket, "2026-03-16 12:00", 5, "Thank you Ann!");

        var result = await RecognitionScenario.RecognitionAsync(_s, "2026-W12", "2026-W12");

        Assert.DoesNotContain(result.Highlights, h => h.Agent == "Ann");
        Assert.Contains(result.Highlights, h => h.Agent == "Bas" && h.Text == "resolved 1 priority-1 incident");
        Assert.Contains(result.ForTeam("Alpha"), h => h.Text == "resolved 2 priority-1 incidents");
        Assert.DoesNotContain(result.ThankYous, t => t.Agent == "Ann");
        // Opting out removes the name and the quote, not the thanks: the team's count still holds it.
        var thanks = Assert.Single(result.ThankYous);
        Assert.Equal(("Alpha", null, null), (thanks.Team, thanks.Agent, thanks.Comment));
    }

    [Fact]
    public async Task FixedProblem_IsCreditedWithTheIncidentsItPrevents()
    {
        // Six linked incidents in the three weeks before the fix (two a week), one recurrence: 2 x 13 - 1 = 25 prevented.
        _s.Agent("Ann", "Alpha");
        var problem = _s.Ticket("Alpha", "2026-03-01 10:00", "2026-03-19 10:00", resolvedBy: "Ann", kind: TicketKind.Problem, title: "Probleem: DHCP-pool raakt vol");
        foreach (var day in new[] { "2026-02-26", "2026-03-02", "2026-03-05", "2026-03-09", "2026-03-12", "2026-03-16" })
        {
            _s.Ticket("Alpha", $"{day} 10:00", $"{day} 12:00", problemId: problem);
        }

        _s.Ticket("Alpha", "2026-03-25 10:00", "2026-03-25 12:00", problemId: problem);

        var result = await RecognitionScenario.RecognitionAsync(_s, "2026-W12", "2026-W12");

        var credit = Assert.Single(result.Problems);
        Assert.Equal((6, 1), (credit.LinkedBefore, credit.RecurredAfter));
        Assert.Equal(3.0, credit.WeeksBefore, 6);
        Assert.Equal(25, credit.PreventedEstimate, 6);
        Assert.Contains(result.Highlights, h => h.Agent == "Ann" && h.Text == $"solved problem {problem}, which had caused 6 incidents in 3 weeks; about 25 fewer are expected over the next 13 weeks");
    }

    [Fact]
    public async Task OptedOutAgent_IsNotNamedAsTheProblemsSolver_EvenInTheirOwnTeamsView()
    {
        _s.Agent("Ann", "Alpha", optOut: true).Agent("Bas", "Alpha").Agent("Cor", "Alpha");
        var problem = _s.Ticket("Alpha", "2026-03-01 10:00", "2026-03-19 10:00", resolvedBy: "Ann", kind: TicketKind.Problem, title: "Probleem: DHCP-pool raakt vol");
        _s.Ticket("Alpha", "2026-03-02 10:00", "2026-03-02 12:00", problemId: problem);
        var ledger = await RecognitionScenario.LedgerAsync(_s, "2026-W12", "2026-W12");
        var recognition = await RecognitionScenario.RecognitionAsync(_s, "2026-W12", "2026-W12");
        var policy = new Analytics.Privacy.PrivacyPolicy(Microsoft.Extensions.Options.Options.Create(new Analytics.Privacy.PrivacyOptions()), _s.Agents);

        var view = new AppreciationViewBuilder(policy).Build(Analytics.Privacy.ReportScope.ForTeam("Alpha"), ledger, recognition, Analytics.Calendar.IsoWeek.Parse("2026-W12"), new Dictionary<string, int> { ["Alpha"] = 3 });

        var solved = Assert.Single(view.Problems);
        Assert.Null(solved.SolvedBy);
    }

    public void Dispose() => _s.Dispose();
}
