using Analytics.Import;
using Analytics.Tests.Support;
using Analytics.Tickets;
using static Analytics.Tests.Import.Profiles.ImportAssert;

namespace Analytics.Tests.Import.Profiles;

public sealed class ZendeskProfileTests : IDisposable
{
    // A Zendesk Support ticket export (CSV), times in the account's zone (Europe/Amsterdam).
    private const string Export = """
        Id,Requester,Requester id,Assignee,Group,Subject,Tags,Status,Priority,Via,Type,Created at,Updated at,Assigned at,Organization,Due date,Initially assigned at,Solved at,Satisfaction Score,Satisfaction Comment,Group stations,Assignee stations,Reopens,Replies,First reply time in minutes
        1201,Piet Jansen,36100001,Ana de Vries,Service Desk,Cannot log in to Teams,teams login,solved,high,Mail,incident,2026-01-05 09:05:00,2026-01-06 10:00:00,2026-01-05 09:10:00,Acme Logistics,,2026-01-05 09:10:00,2026-01-05 11:35:00,Good,"Quick and friendly, thanks!",2,2,0,3,12
        1202,Karin Visser,36100002,Bram Smit,Workplace,Order a second monitor,hardware,open,normal,Web form,question,2026-07-02 09:05:00,2026-07-03 10:00:00,2026-07-02 09:30:00,Acme Logistics,2026-07-10 17:00:00,2026-07-02 09:30:00,,Offered,,1,1,0,1,30
        1203,?,36100003,NULL,-,Printer jammed on floor 3,,closed,N/A,voice,,2026-01-12 14:30:00,2026-01-16 09:00:00,,-,,,2026-01-12 15:00:00,Bad,NULL,0,0,1,2,
        1204,Jan Bakker,36100004,Ana de Vries,Network,Wi-Fi drops in meeting rooms,wifi,open,urgent,api,problem,2026-01-07 08:00:00,2026-01-09 16:45:00,2026-01-07 08:05:00,Acme Logistics,,2026-01-07 08:05:00,2026-01-08 12:00:00,Unoffered,,3,2,1,6,5
        """;

    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task Zendesk_Export_MapsEveryFieldAndStoresFeedback()
    {
        var path = _store.WriteFile("zendesk.csv", Export);

        var summary = await _store.ImportAsync(path, "zendesk");

        Counts(summary, read: 4, inserted: 4);
        var teams = await TicketAsync(_store, "zendesk", "1201");
        Assert.Equal(TicketKind.Incident, teams.Kind);
        Assert.Equal("Cannot log in to Teams", teams.Title);
        Assert.Null(teams.Category);
        Assert.Null(teams.Subcategory);
        Assert.Equal("high", teams.Priority);
        Assert.Equal(Channel.Email, teams.Channel);
        Assert.Equal("Service Desk", teams.Team);
        Assert.Equal("Ana de Vries", teams.Assignee);
        Assert.Null(teams.ResolvedBy);
        Assert.Equal(Utc(2026, 1, 5, 8, 5), teams.OpenedAt);
        Assert.Equal(Utc(2026, 1, 5, 8, 17), teams.FirstResponseAt);
        Assert.Equal(Utc(2026, 1, 5, 10, 35), teams.ResolvedAt);
        Assert.Null(teams.ClosedAt);
        Assert.Null(teams.DueAt);
        Assert.Null(teams.SlaBreached);
        Assert.Equal(0, teams.ReopenCount);
        Assert.Equal(1, teams.ReassignmentCount);
        Assert.False(teams.Proactive);
        Assert.Null(teams.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 1, 6, 9, 0), teams.UpdatedAt);

        // Open question in summer time: 9:05 in Amsterdam is 07:05Z.
        var monitor = await TicketAsync(_store, "zendesk", "1202");
        Assert.Equal(TicketKind.Request, monitor.Kind);
        Assert.Equal("normal", monitor.Priority);
        Assert.Equal(Channel.Portal, monitor.Channel);
        Assert.Equal("Workplace", monitor.Team);
        Assert.Equal(Utc(2026, 7, 2, 7, 5), monitor.OpenedAt);
        Assert.Equal(Utc(2026, 7, 2, 7, 35), monitor.FirstResponseAt);
        Assert.Null(monitor.ResolvedAt);
        Assert.Null(monitor.ClosedAt);
        Assert.Equal(Utc(2026, 7, 10, 15, 0), monitor.DueAt);
        Assert.Equal(0, monitor.ReassignmentCount);
        Assert.Equal(Utc(2026, 7, 3, 8, 0), monitor.UpdatedAt);

        // Missing tokens and an empty type; closed tickets close at their last update; zero stations is no reassignment.
        var printer = await TicketAsync(_store, "zendesk", "1203");
        Assert.Equal(TicketKind.Incident, printer.Kind);
        Assert.Null(printer.Assignee);
        Assert.Null(printer.Team);
        Assert.Null(printer.Priority);
        Assert.Equal(Channel.Phone, printer.Channel);
        Assert.Null(printer.FirstResponseAt);
        Assert.Equal(Utc(2026, 1, 12, 13, 30), printer.OpenedAt);
        Assert.Equal(Utc(2026, 1, 12, 14, 0), printer.ResolvedAt);
        Assert.Equal(Utc(2026, 1, 16, 8, 0), printer.ClosedAt);
        Assert.Equal(1, printer.ReopenCount);
        Assert.Equal(0, printer.ReassignmentCount);

        // Reopened: the export keeps the old Solved at, but the ticket is open again.
        var wifi = await TicketAsync(_store, "zendesk", "1204");
        Assert.Equal(TicketKind.Problem, wifi.Kind);
        Assert.Equal("urgent", wifi.Priority);
        Assert.Equal(Channel.Portal, wifi.Channel);
        Assert.Equal("Network", wifi.Team);
        Assert.Null(wifi.ResolvedAt);
        Assert.Null(wifi.ClosedAt);
        Assert.Equal(1, wifi.ReopenCount);
        Assert.Equal(2, wifi.ReassignmentCount);
        Assert.Equal(Utc(2026, 1, 9, 15, 45), wifi.UpdatedAt);

        var feedback = await _store.Activity.GetFeedbackAsync(CancellationToken.None);
        Assert.Equal(2, feedback.Count);
        var good = Assert.Single(feedback, f => f.TicketId == "1201");
        Assert.Equal("zendesk", good.Source);
        Assert.Equal(5, good.Score);
        Assert.Equal("Quick and friendly, thanks!", good.Comment);
        Assert.Equal(Utc(2026, 1, 5, 10, 35), good.GivenAt);
        var bad = Assert.Single(feedback, f => f.TicketId == "1203");
        Assert.Equal(1, bad.Score);
        Assert.Null(bad.Comment);
        Assert.Equal(Utc(2026, 1, 12, 14, 0), bad.GivenAt);

        var rerun = await _store.ImportAsync(path, "zendesk");
        Counts(rerun, read: 4, inserted: 0, unchanged: 4);
        Assert.Equal(2, (await _store.Activity.GetFeedbackAsync(CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Zendesk_SolvedBeforeCreatedOrUnknownRating_IsQuarantinedWithColumn()
    {
        var path = _store.WriteFile("zendesk-bad.csv", """
            Id,Subject,Status,Ticket type,Channel,Created at,Updated at,Solved at,Satisfaction Score,Group stations
            1301,Fine,solved,task,chat,2026-01-05 09:05:00,2026-01-05 10:00:00,2026-01-05 09:50:00,Good,1
            1302,Solved too early,solved,incident,web,2026-01-05 09:05:00,2026-01-05 10:00:00,2026-01-04 09:50:00,,1
            1303,Odd rating,solved,incident,web,2026-01-05 09:05:00,2026-01-05 10:00:00,2026-01-05 09:50:00,Great,1
            1304,Odd stations,solved,incident,web,2026-01-05 09:05:00,2026-01-05 10:00:00,2026-01-05 09:50:00,,-2
            """);

        var summary = await _store.ImportAsync(path, "zendesk");

        Counts(summary, read: 4, inserted: 1, quarantined: 3);
        Assert.Contains(summary.FirstProblems, p => p.Line == 3 && p.Field == "Solved at" && p.Reason.Contains("before opened", StringComparison.Ordinal));
        Assert.Contains(summary.FirstProblems, p => p.Line == 4 && p.Field == "Satisfaction Score" && p.RawValue == "Great");
        Assert.Contains(summary.FirstProblems, p => p.Line == 5 && p.Field == "Group stations" && p.RawValue == "-2");
        var task = await TicketAsync(_store, "zendesk", "1301");
        Assert.Equal(TicketKind.Task, task.Kind);
        Assert.Equal(Channel.Chat, task.Channel);
        var feedback = Assert.Single(await _store.Activity.GetFeedbackAsync(CancellationToken.None));
        Assert.Equal("1301", feedback.TicketId);
    }

    [Fact]
    public async Task Zendesk_WithoutCreatedAt_FailsNamingTheColumn()
    {
        var path = _store.WriteFile("zendesk-nocreated.csv", """
            Id,Subject
            1201,Cannot log in
            """);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _store.ImportAsync(path, "zendesk"));

        Assert.Contains("'Created at'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();
}
