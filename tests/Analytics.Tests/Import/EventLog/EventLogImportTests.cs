using Analytics.Import;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Dapper;
using Microsoft.Data.Sqlite;
using static Analytics.Tests.Import.Profiles.ImportAssert;

namespace Analytics.Tests.Import.EventLog;

/// <summary>
/// Event logs (one row per event of a case) folded into tickets and events, on a real SQLite store.
/// The fixtures are written for the tests in the shape of real logs: a help-desk activity log with
/// zone-less times and a status log with joined status columns.
/// </summary>
public sealed class EventLogImportTests : IDisposable
{
    private const string Mapping = """
        {
          "source": "desk",
          "timeZone": "Europe/Rome",
          "columns": { "priority": "Severity", "category": "Service" },
          "eventLog": {
            "case": "Case ID",
            "timestamp": "Time",
            "activity": ["Status", "Sub Status"],
            "opened": ["New-Logged"],
            "resolved": ["Completed-Resolved"],
            "closed": ["Completed-Closed"],
            "reopened": ["Accepted-*"],
            "team": "Group",
            "assignee": "Owner",
          },
        }
        """;

    private const string Header = "Case ID,Time,Status,Sub Status,Group,Owner,Severity,Service";

    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task EventLog_RowsOutOfTimeOrderAndInterleaved_FoldIntoOneTicketPerCaseInTimeOrder()
    {
        // Case A's rows come last-first and are interleaved with case B's.
        var summary = await ImportAsync(
            "C-A,2026-03-02 11:00:00,Completed,Resolved,Desk,Ana,High,Mail",
            "C-B,2026-03-02 09:30:00,New,Logged,Desk,,Low,Print",
            "C-A,2026-03-02 10:00:00,Accepted,In Progress,Desk,Ana,,",
            "C-B,2026-03-02 10:30:00,Accepted,In Progress,Network,Bo,,",
            "C-A,2026-03-02 09:00:00,New,Logged,Desk,,Medium,Mail");

        Counts(summary, read: 5, inserted: 2);
        // 5 status events, 3 team assignments (A: Desk; B: Desk, Network), 2 person assignments (Ana, Bo).
        Assert.Equal(new(5, 2, 10, 10), summary.EventLog);

        var a = await TicketAsync(_store, "desk", "C-A");
        Assert.Equal(Utc(2026, 3, 2, 8, 0), a.OpenedAt);      // 09:00 Rome (CET) is 08:00 UTC
        Assert.Equal(Utc(2026, 3, 2, 10, 0), a.ResolvedAt);
        Assert.Null(a.ClosedAt);
        Assert.Equal("Ana", a.Assignee);
        Assert.Equal("Ana", a.ResolvedBy);
        Assert.Equal("High", a.Priority);                     // the case's last value, not the file's last row
        Assert.Equal(Utc(2026, 3, 2, 10, 0), a.UpdatedAt);

        var b = await TicketAsync(_store, "desk", "C-B");
        Assert.Null(b.ResolvedAt);
        Assert.Equal("Network", b.Team);
        Assert.Equal(1, b.ReassignmentCount);
        Assert.Equal("Low", b.Priority);

        var statuses = (await _store.Tickets.GetEventsAsync("desk", "C-A", CancellationToken.None))
            .Where(e => e.Kind == TicketEventKind.Status).Select(e => (e.FromValue, e.ToValue)).ToArray();
        Assert.Equal(
            [(null, "New-Logged"), ("New-Logged", "Accepted-In Progress"), ("Accepted-In Progress", "Completed-Resolved")],
            statuses);
        var handOver = (await _store.Tickets.GetEventsAsync("desk", "C-B", CancellationToken.None))
            .Where(e => e.Kind == TicketEventKind.TeamAssignment).Select(e => (e.FromValue, e.ToValue)).ToArray();
        Assert.Equal([(null, "Desk"), ("Desk", "Network")], handOver);
    }

    [Fact]
    public async Task EventLog_TwoHandOversInTheSameSecond_BothAreStored()
    {
        await ImportAsync(
            "C-1,2026-03-02 09:00:00,New,Logged,Desk,Ana,,",
            "C-1,2026-03-02 09:05:00,Accepted,Assigned,Network,Bo,,",
            "C-1,2026-03-02 09:05:00,Accepted,Assigned,Servers,Cy,,",
            "C-1,2026-03-02 09:05:00,Accepted,Assigned,Desk,Ana,,");

        var events = await _store.Tickets.GetEventsAsync("desk", "C-1", CancellationToken.None);
        var teams = events.Where(e => e.Kind == TicketEventKind.TeamAssignment).Select(e => e.ToValue ?? "").ToArray();
        Assert.Equal(["Desk", "Network", "Servers", "Desk"], teams);
        Assert.Equal(4, events.Count(e => e.Kind == TicketEventKind.Status));
        Assert.Equal(3, (await TicketAsync(_store, "desk", "C-1")).ReassignmentCount);
    }

    [Fact]
    public async Task EventLog_ReopenedThenResolvedAgain_IsResolvedAtTheSecondResolutionWithOneReopen()
    {
        await ImportAsync(
            "C-1,2026-03-02 09:00:00,New,Logged,Desk,Ana,,",
            "C-1,2026-03-02 10:00:00,Completed,Resolved,Desk,Ana,,",
            "C-1,2026-03-03 08:00:00,Accepted,In Progress,Desk,Bo,,",
            "C-1,2026-03-03 12:00:00,Completed,Resolved,Desk,Bo,,",
            "C-1,2026-03-04 12:00:00,Completed,Closed,Desk,Bo,,",
            "C-2,2026-03-02 09:00:00,New,Logged,Desk,Ana,,",
            "C-2,2026-03-02 10:00:00,Completed,Resolved,Desk,Ana,,",
            "C-2,2026-03-03 08:00:00,Accepted,In Progress,Desk,Ana,,");

        var resolvedAgain = await TicketAsync(_store, "desk", "C-1");
        Assert.Equal(1, resolvedAgain.ReopenCount);
        Assert.Equal(Utc(2026, 3, 3, 11, 0), resolvedAgain.ResolvedAt);
        Assert.Equal(Utc(2026, 3, 4, 11, 0), resolvedAgain.ClosedAt);
        Assert.Equal("Bo", resolvedAgain.ResolvedBy);

        // Reopened and not resolved since: open again, in the backlog.
        var stillOpen = await TicketAsync(_store, "desk", "C-2");
        Assert.Equal(1, stillOpen.ReopenCount);
        Assert.Null(stillOpen.ResolvedAt);
        Assert.Null(stillOpen.ClosedAt);
    }

    [Fact]
    public async Task EventLog_CaseWithoutOpenedActivityOrWithUnknownActivities_OpensAtItsFirstEvent()
    {
        await ImportAsync(
            "C-1,2026-03-02 09:10:00,Accepted,Wait - Vendor,Desk,Ana,,",
            "C-1,2026-03-02 09:00:00,Queued,Awaiting Assignment,Desk,,,",
            "C-1,2026-03-02 11:00:00,Something,Nobody Mapped,Desk,Ana,,",
            "C-1,2026-03-02 12:00:00,Completed,Closed,Desk,Ana,,");

        var ticket = await TicketAsync(_store, "desk", "C-1");
        Assert.Equal(Utc(2026, 3, 2, 8, 0), ticket.OpenedAt);
        // A close without a resolution before it resolves the case too; the unknown activity is only a status event.
        Assert.Equal(Utc(2026, 3, 2, 11, 0), ticket.ResolvedAt);
        Assert.Equal(Utc(2026, 3, 2, 11, 0), ticket.ClosedAt);
        var events = await _store.Tickets.GetEventsAsync("desk", "C-1", CancellationToken.None);
        Assert.Contains(events, e => e.Kind == TicketEventKind.Status && e.ToValue == "Something-Nobody Mapped");
    }

    [Fact]
    public async Task EventLog_ImportedTwice_ChangesNothingTheSecondTime()
    {
        string[] rows =
        [
            "C-1,2026-03-02 09:00:00,New,Logged,Desk,Ana,High,Mail",
            "C-1,2026-03-02 09:00:00,Accepted,Assigned,Network,Bo,,",
            "C-1,2026-03-02 10:00:00,Completed,Resolved,Network,Bo,,",
        ];
        var path = _store.WriteFile("log.csv", string.Join('\n', [Header, .. rows]));
        var mapping = _store.WriteFile("map.json", Mapping);
        var first = await _store.ImportAsync(path, "generic", mappingFile: mapping);
        var eventsBefore = await CountAsync("SELECT COUNT(*) FROM ticket_events");

        var second = await _store.ImportAsync(path, "generic", mappingFile: mapping);

        Counts(first, read: 3, inserted: 1);
        Counts(second, read: 3, inserted: 0, unchanged: 1);
        Assert.Equal(0, second.EventLog!.EventsNew);
        Assert.Equal(eventsBefore, await CountAsync("SELECT COUNT(*) FROM ticket_events"));
    }

    [Fact]
    public async Task EventLog_BadRows_AreQuarantinedWithLineAndFieldAndTheCaseKeepsItsOtherEvents()
    {
        var summary = await ImportAsync(
            "C-1,2026-03-02 09:00:00,New,Logged,Desk,Ana,,",
            "C-1,yesterday,Accepted,In Progress,Desk,Ana,,",
            ",2026-03-02 09:30:00,Accepted,In Progress,Desk,Ana,,",
            "C-1,2026-03-02 10:00:00,,,Desk,Ana,,",
            "C-1,2026-03-02 11:00:00,Completed,Resolved,Desk,Ana,,");

        Counts(summary, read: 5, inserted: 1, quarantined: 3);
        var quarantined = (await _store.Connections.OpenAsync(CancellationToken.None)).Query<(long Line, string Field)>(
            "SELECT line, field FROM quarantine ORDER BY line").ToArray();
        Assert.Equal([(3L, "Time"), (4L, "Case ID"), (5L, "Status+Sub Status")], quarantined);
        var ticket = await TicketAsync(_store, "desk", "C-1");
        Assert.Equal(Utc(2026, 3, 2, 10, 0), ticket.ResolvedAt);
    }

    [Fact]
    public async Task EventLog_UnknownKindWordInTheCase_QuarantinesTheCaseAtTheLineThatSaidIt()
    {
        var mapping = Mapping.Replace("\"columns\": {", "\"kind\": { \"column\": \"Service\" }, \"columns\": {", StringComparison.Ordinal)
            .Replace("\"category\": \"Service\"", "\"category\": \"Severity\"", StringComparison.Ordinal);
        var summary = await ImportWithAsync(mapping,
            "C-1,2026-03-02 09:00:00,New,Logged,Desk,Ana,High,Gizmo",
            "C-1,2026-03-02 10:00:00,Completed,Resolved,Desk,Ana,,",
            "C-2,2026-03-02 09:00:00,New,Logged,Desk,Ana,High,Request");

        Counts(summary, read: 3, inserted: 1, quarantined: 1);
        var problem = Assert.Single(summary.FirstProblems);
        Assert.Equal(2, problem.Line);
        Assert.Equal("Service", problem.Field);
        Assert.Contains("case 'C-1'", problem.Reason, StringComparison.Ordinal);
        Assert.Equal(TicketKind.Request, (await TicketAsync(_store, "desk", "C-2")).Kind);
    }

    [Fact]
    public async Task EventLog_MappingNamesAColumnTheFileLacks_StopsWithAMessageNamingIt()
    {
        var mapping = Mapping.Replace("\"team\": \"Group\"", "\"team\": \"Queue\"", StringComparison.Ordinal);

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ImportWithAsync(mapping, "C-1,2026-03-02 09:00:00,New,Logged,Desk,Ana,,"));

        Assert.Contains("eventLog.team", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Queue'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"eventLog\": { \"timestamp\": \"Time\", \"activity\": \"Status\", \"resolved\": [\"Done\"] }", "eventLog.case")]
    [InlineData("\"eventLog\": { \"case\": \"Case ID\", \"timestamp\": \"Time\", \"activity\": \"Status\" }", "no case is ever resolved")]
    [InlineData("\"columns\": { \"team\": \"Group\" }, \"eventLog\": { \"case\": \"Case ID\", \"timestamp\": \"Time\", \"activity\": \"Status\", \"resolved\": [\"Done\"] }", "derives from its events")]
    public async Task EventLog_MappingThatCannotWork_IsRefusedBeforeReading(string body, string expected)
    {
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ImportWithAsync("{ " + body + " }", "C-1,2026-03-02 09:00:00,New,Logged,Desk,Ana,,"));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    private Task<ImportSummary> ImportAsync(params string[] rows) => ImportWithAsync(Mapping, rows);

    private Task<ImportSummary> ImportWithAsync(string mapping, params string[] rows)
    {
        var path = _store.WriteFile("log.csv", string.Join('\n', [Header, .. rows]));
        var mappingFile = _store.WriteFile("map.json", mapping);
        return _store.ImportAsync(path, "generic", mappingFile: mappingFile);
    }

    private async Task<long> CountAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_store.DatabasePath};Pooling=False");
        return await connection.ExecuteScalarAsync<long>(sql);
    }

    public void Dispose() => _store.Dispose();
}
