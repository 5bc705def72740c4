using Analytics.Privacy;
using Analytics.Tickets;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Privacy;

public sealed class PrivacyPolicyTests
{
    private static readonly Agent[] Agents =
    [
        new() { Name = "Sanne de Vries", Team = "Workplace" },
        new() { Name = "Tim Bakker", Team = "Workplace" },
        new() { Name = "Mark Jansen", Team = "Network" },
    ];

    private static readonly PrivacyPolicy Policy = new(Options.Create(new PrivacyOptions()), Agents);

    [Fact]
    public void MayShowAgent_OnlyToTheirTeamManagerOrThemselves()
    {
        Assert.True(PrivacyPolicy.MayShowAgent(ReportScope.ForTeam("Workplace"), "Tim Bakker", "Workplace"));
        Assert.False(PrivacyPolicy.MayShowAgent(ReportScope.ForTeam("Network"), "Tim Bakker", "Workplace"));
        Assert.False(PrivacyPolicy.MayShowAgent(ReportScope.Department, "Tim Bakker", "Workplace"));
        Assert.True(PrivacyPolicy.MayShowAgent(ReportScope.ForAgent("Tim Bakker", "Workplace"), "Tim Bakker", "Workplace"));
        Assert.False(PrivacyPolicy.MayShowAgent(ReportScope.ForAgent("Sanne de Vries", "Workplace"), "Tim Bakker", "Workplace"));
    }

    [Fact]
    public void Suppresses_SmallGroupsExceptForTheirOwnManager()
    {
        Assert.True(Policy.Suppresses(ReportScope.Department, "Workplace", 2));
        Assert.False(Policy.Suppresses(ReportScope.Department, "Workplace", 0)); // figures about nobody single no one out
        Assert.True(Policy.Suppresses(ReportScope.ForTeam("Network"), "Workplace", 2));
        Assert.True(Policy.Suppresses(ReportScope.ForAgent("Tim Bakker", "Workplace"), "Workplace", 2));
        Assert.False(Policy.Suppresses(ReportScope.ForTeam("Workplace"), "Workplace", 2));
        Assert.False(Policy.Suppresses(ReportScope.Department, "Workplace", 3));
    }

    [Fact]
    public void Redact_RemovesNamesTheScopeMayNotSee_WholeWordsOnly()
    {
        const string text = "Thanks Tim and Mark Jansen! Sanne de Vries fixed it. Timely help.";

        Assert.Equal("Thanks [colleague] and [colleague]! [colleague] fixed it. Timely help.", Policy.Redact(text, ReportScope.Department));
        Assert.Equal("Thanks Tim and [colleague]! Sanne de Vries fixed it. Timely help.", Policy.Redact(text, ReportScope.ForTeam("Workplace")));
        Assert.Equal("Thanks [colleague] and Mark Jansen! [colleague] fixed it. Timely help.", Policy.Redact(text, ReportScope.ForTeam("Network")));
    }
}
