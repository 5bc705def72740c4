using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Recognition;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Analytics.Workload;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Privacy;

/// <summary>
/// Every scoped result for every scope of the demo department, serialised and searched for names it
/// must not hold; with a minimum group size that suppresses the smallest team.
/// </summary>
public sealed class PrivacyLeakTests
{
    private const int MinimumGroupSize = 8;

    [Fact]
    public async Task TeamViews_HoldNoNameOfAnotherTeamsAgents()
    {
        var results = await ResultsAsync();
        foreach (var team in results.Teams)
        {
            var text = results.Serialised(ReportScope.ForTeam(team));
            var outsiders = results.Agents.Where(a => a.Team != team).ToList();

            AssertNoNames(text, outsiders, $"the view for {team}");
            Assert.Contains(results.Agents.First(a => a.Team == team && !a.RecognitionOptOut).Name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DepartmentView_HoldsNoAgentNameAtAll()
    {
        var results = await ResultsAsync();

        AssertNoNames(results.Serialised(ReportScope.Department), results.Agents, "the department view");
    }

    [Fact]
    public async Task AgentViews_HoldOnlyTheAgentsOwnName()
    {
        var results = await ResultsAsync();
        foreach (var agent in results.Agents.Where(a => a.Team == DemoData.Default.Scenario.OverloadedTeam))
        {
            var text = results.Serialised(ReportScope.ForAgent(agent.Name, agent.Team));

            AssertNoNames(text, results.Agents.Where(a => a.Name != agent.Name), $"{agent.Name}'s own view");
        }
    }

    [Fact]
    public async Task DepartmentView_CountsEveryFlaggedTeam_AndNamesOnlyThoseItMayShow()
    {
        var results = await ResultsAsync();
        var everyTeamFlagged = new OverloadReport(results.Week,
            [.. results.Teams.Select(t => new TeamFlag(t, results.Week, FlagSeverity.Warning, [new FlagReason("test", FlagSeverity.Warning, "backlog grew")]))], []);

        var view = new WorkloadViewBuilder(results.Policy).Build(ReportScope.Department, results.History, everyTeamFlagged, results.Week);

        // The small team shares a row with the next smallest, and neither may be named with its own reasons.
        var hidden = view.Teams.SelectMany(t => t.MergedTeams).ToList();
        Assert.Contains("Identity & Access", hidden);
        Assert.Equal(results.Teams.Count(), view.FlaggedTeams);
        Assert.Equal(hidden.Count, view.UnnamedTeamFlags);
        Assert.DoesNotContain(view.TeamFlags, f => hidden.Contains(f.Team));
        Assert.Equal(0, new WorkloadViewBuilder(results.Policy).Build(ReportScope.ForTeam(hidden[0]), results.History, everyTeamFlagged, results.Week).UnnamedTeamFlags);
    }

    [Fact]
    public async Task SmallTeams_AreSuppressedOutsideTheirOwnManagersView()
    {
        var results = await ResultsAsync();
        var small = results.History.Team("Identity & Access", results.Week)!;
        Assert.True(small.GroupSize < MinimumGroupSize);

        var department = results.WorkloadView(ReportScope.Department);
        var appreciation = results.AppreciationView(ReportScope.Department);
        var own = results.WorkloadView(ReportScope.ForTeam("Identity & Access"));

        Assert.DoesNotContain(department.Teams, t => t.Team == "Identity & Access");
        Assert.Contains(department.Teams, t => t.MergedTeams.Contains("Identity & Access") && t.AgentsOnStaff >= MinimumGroupSize && t.Metrics is not null);
        Assert.NotNull(department.Teams.Single(t => t.Team == "Workplace").Metrics);
        Assert.DoesNotContain(department.TeamFlags, f => f.Team == "Identity & Access");
        Assert.DoesNotContain(appreciation.Teams, t => t.Team == "Identity & Access");
        Assert.Contains(appreciation.Teams, t => t.MergedTeams.Contains("Identity & Access") && t.Ledger is not null);
        Assert.DoesNotContain(appreciation.Highlights, h => h.Team == "Identity & Access");
        Assert.DoesNotContain(appreciation.ThankYous, t => t.Team == "Identity & Access");
        Assert.NotNull(own.Current);
        Assert.Equal(small.Incoming, own.Current!.Incoming);
        Assert.Empty(results.WorkloadView(ReportScope.ForAgent("x", "Identity & Access")).Trend);
    }

    [Fact]
    public async Task OptedOutAgents_GetNoHighlightsAnywhere()
    {
        var results = await ResultsAsync();
        var optedOut = results.Agents.Where(a => a.RecognitionOptOut).ToList();
        Assert.NotEmpty(optedOut);

        Assert.DoesNotContain(results.Recognition.Highlights, h => optedOut.Any(a => a.Name == h.Agent));
        foreach (var agent in optedOut)
        {
            var view = results.AppreciationView(ReportScope.ForTeam(agent.Team));
            Assert.DoesNotContain(view.Highlights, h => h.Agent == agent.Name);
            Assert.Contains(view.Highlights, h => h.Agent is not null);
        }
    }

    private static void AssertNoNames(string text, IEnumerable<Agent> agents, string where)
    {
        foreach (var agent in agents)
        {
            var first = agent.Name.Split(' ')[0];
            Assert.False(text.Contains(agent.Name, StringComparison.Ordinal), $"{agent.Name} appears in {where}");
            Assert.False(Regex.IsMatch(text, $@"(?<![\p{{L}}])({Regex.Escape(first)})(?![\p{{L}}])"), $"{first} ({agent.Name}) appears in {where}");
        }
    }

    private static readonly Lazy<Task<ScopedResults>> Shared = new(BuildAsync);

    private static Task<ScopedResults> ResultsAsync() => Shared.Value;

    private static async Task<ScopedResults> BuildAsync()
    {
        var demo = await DemoQuarter.LoadAsync();
        return new ScopedResults(demo.Policy(MinimumGroupSize), demo.History, demo.Overload, demo.Ledger, demo.Recognition, demo.Agents, demo.Week);
    }

    private sealed record ScopedResults(PrivacyPolicy Policy, WorkloadHistory History, OverloadReport Overload, WorkLedger Ledger, RecognitionResult Recognition, IReadOnlyList<Agent> Agents, IsoWeek Week)
    {
        public IEnumerable<string> Teams => History.TeamNames;

        public WorkloadView WorkloadView(ReportScope scope) => new WorkloadViewBuilder(Policy).Build(scope, History, Overload, Week);

        public AppreciationView AppreciationView(ReportScope scope)
        {
            var sizes = History.TeamNames.ToDictionary(t => t, t => History.Team(t, Week)!.GroupSize);
            return new AppreciationViewBuilder(Policy).Build(scope, Ledger, Recognition, Week, sizes);
        }

        // Unescaped, so that "Ayşe" is searched for as written rather than as "Ay\u015Fe".
        private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

        public string Serialised(ReportScope scope) =>
            JsonSerializer.Serialize(WorkloadView(scope), Plain) + JsonSerializer.Serialize(AppreciationView(scope), Plain);
    }
}
