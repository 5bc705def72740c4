using Analytics.Calendar;
using Analytics.Demo;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Demo;

public sealed class DemoDataGeneratorTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private static DemoDataSet Data => DemoData.Default;

    private static DemoScenario Scenario => Data.Scenario;

    [Fact]
    public void Generate_SameSeedAndDay_GivesIdenticalData()
    {
        var first = DemoData.Generate(7, weeks: 26);
        var second = DemoData.Generate(7, weeks: 26);
        var otherSeed = DemoData.Generate(8, weeks: 26);

        Assert.Equal(first.Tickets, second.Tickets);
        Assert.Equal(first.Events, second.Events);
        Assert.Equal(first.TimeEntries, second.TimeEntries);
        Assert.Equal(first.Feedback, second.Feedback);
        Assert.Equal(first.Articles, second.Articles);
        Assert.NotEqual(first.Tickets.Count, otherSeed.Tickets.Count);
    }

    [Fact]
    public void Generate_LastDayNotASunday_IsRejectedWithTheDay()
    {
        var generator = new DemoDataGenerator(TimeProvider.System);

        var error = Assert.Throws<ArgumentException>(() => generator.Generate(new DemoOptions { LastDay = new DateOnly(2026, 11, 20) }));

        Assert.Contains("2026-11-20 is a Friday", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Default_IsADepartmentOfSixTeamsAndAboutSixtyAgentsOverTwoYears()
    {
        Assert.Equal(6, Data.Teams.Count);
        Assert.InRange(Data.Agents.Count, 50, 70);
        Assert.Equal(new DateOnly(2024, 11, 25), Scenario.FirstDay);
        Assert.Equal(DayOfWeek.Monday, Scenario.FirstDay.DayOfWeek);
        Assert.Equal(104, Scenario.LastWeek.WeeksSince(Scenario.FirstWeek) + 1);
        Assert.InRange(Data.Tickets.Count, 120_000, 300_000);
        Assert.Equal(Enum.GetValues<TicketKind>().Order(), Data.Tickets.Select(t => t.Kind).Distinct().Order());
        Assert.All(Data.Teams, team => Assert.True(Data.Tickets.Count(t => t.Team == team.Name) > 5_000, team.Name));
        Assert.Contains(Data.Agents, a => a.RecognitionOptOut);
        Assert.Contains(Data.Agents, a => a.StartDate > Scenario.FirstDay);
    }

    [Fact]
    public void Tickets_AreConsistentInTimeAndNothingLiesAfterTheCutOff()
    {
        Assert.Equal(Data.Tickets.Count, Data.Tickets.Select(t => (t.Source, t.TicketId)).Distinct().Count());
        Assert.All(Data.Tickets, t =>
        {
            Assert.True(t.ResolvedAt is null || t.ResolvedAt >= t.OpenedAt, t.TicketId);
            Assert.True(t.ClosedAt is null || t.ClosedAt >= t.ResolvedAt, t.TicketId);
            Assert.True(t.UpdatedAt <= Scenario.AsOf && t.UpdatedAt >= t.OpenedAt, t.TicketId);
            Assert.True(t.ResolvedAt is null || t.ResolvedBy is not null, t.TicketId);
        });
        Assert.All(Data.TimeEntries, e => Assert.True(e.WorkDate <= Scenario.LastDay.AddDays(1), e.EntryId));
        Assert.All(Data.Feedback, f => Assert.True(f.GivenAt <= Scenario.AsOf, f.TicketId));
    }

    [Fact]
    public void References_PointAtTicketsAndAgentsThatExist()
    {
        var ids = Data.Tickets.Select(t => t.TicketId).ToHashSet();
        var agents = Data.Agents.Select(a => a.Name).ToHashSet();

        Assert.All(Data.Events, e => Assert.Contains(e.TicketId, ids));
        Assert.All(Data.Feedback, f => Assert.Contains(f.TicketId, ids));
        Assert.All(Data.TimeEntries.Where(e => e.TicketId is not null), e => Assert.Contains(e.TicketId!, ids));
        Assert.All(Data.TimeEntries, e => Assert.Contains(e.Agent, agents));
        Assert.All(Data.Tickets.Where(t => t.ProblemId is not null), t => Assert.StartsWith("PRB", t.ProblemId, StringComparison.Ordinal));
        Assert.All(Data.Tickets.Where(t => t.CausedByChange is not null), t => Assert.StartsWith("CHG", t.CausedByChange, StringComparison.Ordinal));
        Assert.All(Data.Tickets, t => Assert.True(t.Assignee is null || agents.Contains(t.Assignee), t.TicketId));
    }

    [Fact]
    public void TimeSpent_IsTheSumOfTheTicketsTimeRegistrations()
    {
        var logged = Data.TimeEntries.Where(e => e.TicketId is not null).GroupBy(e => e.TicketId!).ToDictionary(g => g.Key, g => g.Sum(e => e.Minutes));

        Assert.All(Data.Tickets.Where(t => t.TimeSpentMinutes is not null), t => Assert.Equal(logged[t.TicketId], t.TimeSpentMinutes));
        Assert.True(Data.TimeEntries.Count(e => e.TicketId is null) > 10_000, "work without a ticket is registered too");
    }

    [Fact]
    public void Agents_LogNoWorkBeforeTheyJoinNorDuringTheLongAbsence()
    {
        foreach (var agent in Data.Agents.Where(a => a.StartDate > Scenario.FirstDay))
        {
            var entries = Data.TimeEntries.Where(e => e.Agent == agent.Name).ToList();
            Assert.NotEmpty(entries);
            Assert.All(entries, e => Assert.True(e.WorkDate >= agent.StartDate, $"{agent.Name} on {e.WorkDate}"));
        }

        var absenceStart = Scenario.OverloadFirstWeek.Monday;
        Assert.DoesNotContain(Data.TimeEntries, e => e.Agent == Scenario.AbsentAgent && e.WorkDate >= absenceStart && e.TicketId is null);
    }

    [Fact]
    public void Incoming_DropsOnChristmasDay()
    {
        var christmas = new DateOnly(2025, 12, 25);
        var usual = Enumerable.Range(1, 4).Select(w => christmas.AddDays(-7 * w)).Average(UserRaisedOn);

        Assert.True(UserRaisedOn(christmas) < 0.2 * usual, $"{UserRaisedOn(christmas)} on Christmas against {usual:F0} on the same weekday before");
    }

    [Fact]
    public void OnboardingRequests_TripleInSeptember()
    {
        var wave = Scenario.OnboardingWeeks.Where(w => w.Year == 2025).ToList();
        var before = IsoWeek.Range(new IsoWeek(2025, 22), new IsoWeek(2025, 25)).ToList();

        var inWave = wave.Average(w => Data.Tickets.Count(t => t.Category == "Onboarding" && WeekOf(t.OpenedAt) == w));
        var usual = before.Average(w => Data.Tickets.Count(t => t.Category == "Onboarding" && WeekOf(t.OpenedAt) == w));

        Assert.Equal(4, wave.Count);
        Assert.True(inWave > 2.2 * usual, $"{inWave:F0} a week in the wave against {usual:F0}");
    }

    [Fact]
    public void MajorIncidentWeek_SpikesServiceDeskIncidentsLinkedToOneProblem()
    {
        var week = Scenario.MajorIncidentWeek;
        int Incidents(IsoWeek w) => Data.Tickets.Count(t => t.Team == "Service Desk" && t.Kind == TicketKind.Incident && WeekOf(t.OpenedAt) == w);
        var usual = Enumerable.Range(1, 4).Average(n => Incidents(week.AddWeeks(-n)));

        Assert.True(Incidents(week) > 1.3 * usual, $"{Incidents(week)} in the major-incident week against {usual:F0}");
        Assert.True(Data.Tickets.Count(t => t.ProblemId == Scenario.MajorIncidentProblemId) > 100);
        Assert.Equal(TicketKind.Problem, Data.Tickets.Single(t => t.TicketId == Scenario.MajorIncidentProblemId).Kind);
    }

    [Fact]
    public void OverloadedTeam_FallsBehindInEachOfItsLastSixWeeks()
    {
        var team = Scenario.OverloadedTeam;
        var tickets = Data.Tickets.Where(t => t.Team == team).ToList();
        foreach (var week in IsoWeek.Range(Scenario.OverloadFirstWeek, Scenario.LastWeek))
        {
            var incoming = tickets.Count(t => WeekOf(t.OpenedAt) == week);
            var resolved = tickets.Count(t => t.ResolvedAt is { } r && WeekOf(r) == week);
            Assert.True(incoming > resolved, $"{week}: {incoming} in, {resolved} resolved");
        }

        var before = Backlog(tickets, Scenario.OverloadFirstWeek.Monday);
        var after = Backlog(tickets, Scenario.LastWeek.NextMonday);
        Assert.True(after > 3 * before, $"backlog {before} before the overload, {after} after");
    }

    [Fact]
    public void OverloadedTeam_WorksMoreAfterHoursThanBefore()
    {
        var team = Data.Teams.Single(t => t.Name == Scenario.OverloadedTeam);
        double AfterHoursShare(IsoWeek from, IsoWeek to)
        {
            var resolved = Data.Tickets.Where(t => t.Team == team.Name && t.ResolvedAt is { } r && WeekOf(r) >= from && WeekOf(r) <= to).ToList();
            return (double)resolved.Count(t => IsAfterHours(t.ResolvedAt!.Value, team)) / resolved.Count;
        }

        var during = AfterHoursShare(Scenario.OverloadFirstWeek.AddWeeks(2), Scenario.LastWeek);
        var before = AfterHoursShare(Scenario.OverloadFirstWeek.AddWeeks(-10), Scenario.OverloadFirstWeek.AddWeeks(-3));

        Assert.True(during > 1.5 * before, $"after-hours share {during:P1} during the overload, {before:P1} before");
    }

    [Fact]
    public void Feedback_HasThankYousInDutchAndEnglish_SomeSignedByTheCustomer()
    {
        var comments = Data.Feedback.Where(f => f.Comment is not null).Select(f => f.Comment!).ToList();

        Assert.Contains(comments, c => c.Contains("Dank je wel", StringComparison.Ordinal) || c.Contains("bedankt", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(comments, c => c.Contains("Thank", StringComparison.Ordinal));
        Assert.Contains(comments, c => c.Contains("Groet, ", StringComparison.Ordinal));
        Assert.InRange(Data.Feedback.Average(f => f.Score), 3.8, 4.7);
    }

    [Fact]
    public void KnowledgeArticles_AreWrittenByAgentsAndSomeAreUsedOften()
    {
        var agents = Data.Agents.Select(a => a.Name).ToHashSet();

        Assert.InRange(Data.Articles.Count, 100, 300);
        Assert.All(Data.Articles, a => Assert.Contains(a.Author!, agents));
        Assert.Contains(Data.Articles, a => a.TimesUsed >= 14);
    }

    private static int UserRaisedOn(DateOnly day) =>
        Data.Tickets.Count(t => !t.Proactive && DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t.OpenedAt, Amsterdam).DateTime) == day);

    private static IsoWeek WeekOf(DateTimeOffset instant) => IsoWeek.Of(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Amsterdam).DateTime));

    private static int Backlog(IEnumerable<Ticket> tickets, DateOnly localMidnight)
    {
        var at = TimeZoneInfo.ConvertTimeToUtc(localMidnight.ToDateTime(TimeOnly.MinValue), Amsterdam);
        return tickets.Count(t => t.OpenedAt < at && (t.ResolvedAt is null || t.ResolvedAt >= at));
    }

    private static bool IsAfterHours(DateTimeOffset instant, Team team)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Amsterdam);
        var time = TimeOnly.FromDateTime(local.DateTime);
        return local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || time < team.WorkdayStart || time > team.WorkdayEnd;
    }
}
