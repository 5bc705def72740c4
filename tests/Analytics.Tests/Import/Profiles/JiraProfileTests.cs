using Analytics.Import;
using Analytics.Tests.Support;
using Analytics.Tickets;
using static Analytics.Tests.Import.Profiles.ImportAssert;

namespace Analytics.Tests.Import.Profiles;

public sealed class JiraProfileTests : IDisposable
{
    // A Jira Service Management "Export CSV (all fields)": repeated Component/s and Labels columns, Jira's
    // own date layout, times in the exporting user's zone (Europe/Amsterdam).
    private const string Export = """
        Summary,Issue key,Issue id,Issue Type,Status,Priority,Resolution,Assignee,Reporter,Created,Updated,Resolved,Due Date,Component/s,Component/s,Labels,Labels,Time Spent,Custom field (Request Type),Custom field (Request Channel Type),Custom field (Team),Custom field (Time to resolution),Custom field (Satisfaction)
        "VPN drops every 10 minutes, all remote users",ITSD-101,10101,[System] Incident,Resolved,High,Done,Ana de Vries,Piet Jansen,15/Jan/26 9:05 AM,16/Jan/26 2:30 PM,16/Jan/26 11:45 AM,,Network,Remote access,vpn,,5400,Report a system problem,email,Service Desk,-1h 15m,4
        New laptop for Jan Bakker,ITSD-102,10102,[System] Service request with approvals,In Progress,Medium,,Bram Smit,HR Office,02/Jul/26 9:05 AM,03/Jul/26 10:00 AM,,10/Jul/26,Workplace,,onboarding,hardware,,Request new hardware,portal,,2h 30m,
        Replace core switch firmware,ITSD-103,10103,[System] Change,Closed,N/A,Done,?,NULL,05/Jan/26 4:40 PM,-,06/Jan/26 8:00 AM,,-,,,NULL,,,jira,,,
        Image laptop for Jan Bakker,ITSD-104,10104,Sub-task,Done,Low,Done,Bram Smit,Bram Smit,03/Jul/26 1:15 PM,06/Jul/26 9:40 AM,06/Jul/26 9:30 AM,,Workplace,,,,2730,,,Workplace,"{completedCycles=[{breached=false, elapsedTime=3600000}]}",
        """;

    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task Jira_Export_MapsEveryField()
    {
        var path = _store.WriteFile("jira.csv", Export);

        var summary = await _store.ImportAsync(path, "jira");

        Counts(summary, read: 4, inserted: 4);
        var vpn = await TicketAsync(_store, "jira", "ITSD-101");
        Assert.Equal(TicketKind.Incident, vpn.Kind);
        Assert.Equal("VPN drops every 10 minutes, all remote users", vpn.Title);
        Assert.Equal("Report a system problem", vpn.Category);
        Assert.Null(vpn.Subcategory);
        Assert.Equal("High", vpn.Priority);
        Assert.Equal(Channel.Email, vpn.Channel);
        Assert.Equal("Service Desk", vpn.Team);
        Assert.Equal("Ana de Vries", vpn.Assignee);
        Assert.Null(vpn.ResolvedBy);
        Assert.Equal(Utc(2026, 1, 15, 8, 5), vpn.OpenedAt);
        Assert.Null(vpn.FirstResponseAt);
        Assert.Equal(Utc(2026, 1, 16, 10, 45), vpn.ResolvedAt);
        Assert.Null(vpn.ClosedAt);
        Assert.Null(vpn.DueAt);
        Assert.True(vpn.SlaBreached);
        Assert.Equal(0, vpn.ReopenCount);
        Assert.Equal(0, vpn.ReassignmentCount);
        Assert.False(vpn.Proactive);
        Assert.Equal(90, vpn.TimeSpentMinutes);
        Assert.Null(vpn.ProblemId);
        Assert.Null(vpn.CausedByChange);
        Assert.Equal(Utc(2026, 1, 16, 13, 30), vpn.UpdatedAt);

        // Open, in summer time: 9:05 in Amsterdam is 07:05Z; the team comes from the first Component/s.
        var laptop = await TicketAsync(_store, "jira", "ITSD-102");
        Assert.Equal(TicketKind.Request, laptop.Kind);
        Assert.Equal("New laptop for Jan Bakker", laptop.Title);
        Assert.Equal("Request new hardware", laptop.Category);
        Assert.Equal("Medium", laptop.Priority);
        Assert.Equal(Channel.Portal, laptop.Channel);
        Assert.Equal("Workplace", laptop.Team);
        Assert.Equal("Bram Smit", laptop.Assignee);
        Assert.Equal(Utc(2026, 7, 2, 7, 5), laptop.OpenedAt);
        Assert.Null(laptop.ResolvedAt);
        Assert.Null(laptop.ClosedAt);
        Assert.Equal(Utc(2026, 7, 9, 22, 0), laptop.DueAt);
        Assert.Null(laptop.SlaBreached);
        Assert.Null(laptop.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 7, 3, 8, 0), laptop.UpdatedAt);

        // Missing tokens everywhere: read as no value; closed at its resolution; watermark = latest known date.
        var change = await TicketAsync(_store, "jira", "ITSD-103");
        Assert.Equal(TicketKind.Change, change.Kind);
        Assert.Equal("Replace core switch firmware", change.Title);
        Assert.Null(change.Priority);
        Assert.Null(change.Assignee);
        Assert.Null(change.Team);
        Assert.Null(change.Category);
        Assert.Equal(Channel.Portal, change.Channel);
        Assert.Equal(Utc(2026, 1, 5, 15, 40), change.OpenedAt);
        Assert.Equal(Utc(2026, 1, 6, 7, 0), change.ResolvedAt);
        Assert.Equal(Utc(2026, 1, 6, 7, 0), change.ClosedAt);
        Assert.Null(change.SlaBreached);
        Assert.Null(change.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 1, 6, 7, 0), change.UpdatedAt);

        var subtask = await TicketAsync(_store, "jira", "ITSD-104");
        Assert.Equal(TicketKind.Task, subtask.Kind);
        Assert.Equal("Workplace", subtask.Team);
        Assert.Null(subtask.Channel);
        Assert.Equal(Utc(2026, 7, 3, 11, 15), subtask.OpenedAt);
        Assert.Equal(Utc(2026, 7, 6, 7, 30), subtask.ResolvedAt);
        Assert.False(subtask.SlaBreached);
        Assert.Equal(46, subtask.TimeSpentMinutes);

        var rerun = await _store.ImportAsync(path, "jira");
        Counts(rerun, read: 4, inserted: 0, unchanged: 4);
    }

    [Fact]
    public async Task Jira_IsoDates_AreReadInTheFileLayout()
    {
        var path = _store.WriteFile("jira-iso.csv", """
            Issue key,Issue Type,Summary,Created,Resolved
            ITSD-7,Incident,Mail delayed,2026-01-05 09:05,2026-01-05 10:00
            """);

        Counts(await _store.ImportAsync(path, "jira"), read: 1, inserted: 1);

        var ticket = await TicketAsync(_store, "jira", "ITSD-7");
        Assert.Equal(Utc(2026, 1, 5, 8, 5), ticket.OpenedAt);
        Assert.Equal(Utc(2026, 1, 5, 9, 0), ticket.ResolvedAt);
    }

    [Fact]
    public async Task Jira_ResolvedBeforeCreated_IsQuarantinedWithColumn()
    {
        var path = _store.WriteFile("jira-bad.csv", """
            Issue key,Issue Type,Summary,Created,Resolved,Time Spent
            ITSD-1,Incident,Fine,15/Jan/26 9:05 AM,15/Jan/26 10:05 AM,60
            ITSD-2,Incident,Time travel,15/Jan/26 9:05 AM,14/Jan/26 9:05 AM,60
            ITSD-3,Incident,Bad number,15/Jan/26 9:05 AM,,an hour
            """);

        var summary = await _store.ImportAsync(path, "jira");

        Counts(summary, read: 3, inserted: 1, quarantined: 2);
        Assert.Contains(summary.FirstProblems, p => p.Line == 3 && p.Field == "Resolved" && p.Reason.Contains("before opened", StringComparison.Ordinal));
        Assert.Contains(summary.FirstProblems, p => p.Line == 4 && p.Field == "Time Spent" && p.RawValue == "an hour");
        Assert.Null(await _store.Tickets.GetAsync("jira", "ITSD-2", CancellationToken.None));
    }

    [Fact]
    public async Task Jira_WithoutIssueKey_FailsNamingTheColumn()
    {
        var path = _store.WriteFile("jira-nokey.csv", """
            Summary,Created
            Something,15/Jan/26 9:05 AM
            """);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _store.ImportAsync(path, "jira"));

        Assert.Contains("'Issue key'", error.Message, StringComparison.Ordinal);
        Assert.Contains("jira-nokey.csv", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();
}
