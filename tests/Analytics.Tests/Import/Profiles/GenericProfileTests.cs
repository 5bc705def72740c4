using Analytics.Import;
using Analytics.Tests.Support;
using Analytics.Tickets;
using static Analytics.Tests.Import.Profiles.ImportAssert;

namespace Analytics.Tests.Import.Profiles;

public sealed class GenericProfileTests : IDisposable
{
    // The mapping names its own source, layout, zone and delimiter; the file's times are London wall-clock
    // times, which proves the mapping's zone is used rather than the default (Europe/Amsterdam).
    private const string Mapping = """
        {
          // An in-house ITSM tool's "calls" export.
          "source": "myitsm",
          "dateFormat": "d/M/yyyy H:mm",
          "timeZone": "Europe/London",
          "delimiter": ";",
          "columns": {
            "ticket_id": "Ref",
            "opened_at": "Logged",
            "title": "Subject",
            "category": "Area",
            "subcategory": "Sub area",
            "priority": "Urgency",
            "team": "Queue",
            "assignee": "Engineer",
            "resolved_by": "Fixed by",
            "first_response_at": "First touch",
            "resolved_at": "Fixed",
            "closed_at": "Closed",
            "due_at": "Target",
            "sla_breached": "Late",
            "reopen_count": "Reopened",
            "reassignment_count": "Hops",
            "proactive": "Raised by IT",
            "time_spent_minutes": "Minutes",
            "problem_id": "Problem",
            "caused_by_change": "Change",
            "updated_at": "Modified",
          },
          "kind": { "column": "Type", "map": { "Fault": "incident", "Order": "request", "RFC": "change" }, "default": "incident" },
          "channel": { "column": "Via", "map": { "Phone call": "phone", "Intranet form": "portal" } },
        }
        """;

    private const string Calls = """
        Ref;Logged;Subject;Type;Via;Area;Sub area;Urgency;Queue;Engineer;Fixed by;First touch;Fixed;Closed;Target;Late;Reopened;Hops;Raised by IT;Minutes;Problem;Change;Modified
        C-1001;5/1/2026 9:05;Laptop will not boot;Fault;Phone call;Hardware;Laptop;High;Service Desk;Ana de Vries;Ana de Vries;5/1/2026 9:20;5/1/2026 11:00;6/1/2026 9:00;5/1/2026 17:00;no;0;1;no;55;PRB-7;CHG-12;6/1/2026 9:00
        C-1002;2/7/2026 9:05;Order: docking station;Order;Intranet form;Hardware;Docking;Low;Workplace;Bram Smit;;2/7/2026 10:00;;;9/7/2026 17:00;;0;0;no;;;;3/7/2026 8:30
        C-1003;12/1/2026 14:30;Backup job failed;Alert;Monitoring;?;N/A;-;Infra;NULL;;;12/1/2026 15:10;;;yes;2;;yes;30;;;
        """;

    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task Generic_MappingFile_MapsEveryCanonicalField()
    {
        var mapping = _store.WriteFile("myitsm.json", Mapping);
        var path = _store.WriteFile("calls.csv", Calls);

        var summary = await _store.ImportAsync(path, "generic", mappingFile: mapping);

        Counts(summary, read: 3, inserted: 3);
        var laptop = await TicketAsync(_store, "myitsm", "C-1001");
        Assert.Equal("myitsm", laptop.Source);
        Assert.Equal(TicketKind.Incident, laptop.Kind);
        Assert.Equal("Laptop will not boot", laptop.Title);
        Assert.Equal("Hardware", laptop.Category);
        Assert.Equal("Laptop", laptop.Subcategory);
        Assert.Equal("High", laptop.Priority);
        Assert.Equal(Channel.Phone, laptop.Channel);
        Assert.Equal("Service Desk", laptop.Team);
        Assert.Equal("Ana de Vries", laptop.Assignee);
        Assert.Equal("Ana de Vries", laptop.ResolvedBy);
        Assert.Equal(Utc(2026, 1, 5, 9, 5), laptop.OpenedAt);
        Assert.Equal(Utc(2026, 1, 5, 9, 20), laptop.FirstResponseAt);
        Assert.Equal(Utc(2026, 1, 5, 11, 0), laptop.ResolvedAt);
        Assert.Equal(Utc(2026, 1, 6, 9, 0), laptop.ClosedAt);
        Assert.Equal(Utc(2026, 1, 5, 17, 0), laptop.DueAt);
        Assert.False(laptop.SlaBreached);
        Assert.Equal(0, laptop.ReopenCount);
        Assert.Equal(1, laptop.ReassignmentCount);
        Assert.False(laptop.Proactive);
        Assert.Equal(55, laptop.TimeSpentMinutes);
        Assert.Equal("PRB-7", laptop.ProblemId);
        Assert.Equal("CHG-12", laptop.CausedByChange);
        Assert.Equal(Utc(2026, 1, 6, 9, 0), laptop.UpdatedAt);

        // Open, in British summer time: 9:05 local is 08:05Z.
        var dock = await TicketAsync(_store, "myitsm", "C-1002");
        Assert.Equal(TicketKind.Request, dock.Kind);
        Assert.Equal(Channel.Portal, dock.Channel);
        Assert.Null(dock.ResolvedBy);
        Assert.Equal(Utc(2026, 7, 2, 8, 5), dock.OpenedAt);
        Assert.Equal(Utc(2026, 7, 2, 9, 0), dock.FirstResponseAt);
        Assert.Null(dock.ResolvedAt);
        Assert.Null(dock.ClosedAt);
        Assert.Equal(Utc(2026, 7, 9, 16, 0), dock.DueAt);
        Assert.Null(dock.SlaBreached);
        Assert.Null(dock.TimeSpentMinutes);
        Assert.Equal(Utc(2026, 7, 3, 7, 30), dock.UpdatedAt);

        // Unknown kind word falls back to the mapping's default; built-in channel words still apply; missing tokens.
        var backup = await TicketAsync(_store, "myitsm", "C-1003");
        Assert.Equal(TicketKind.Incident, backup.Kind);
        Assert.Equal(Channel.Monitoring, backup.Channel);
        Assert.Null(backup.Category);
        Assert.Null(backup.Subcategory);
        Assert.Null(backup.Priority);
        Assert.Null(backup.Assignee);
        Assert.Equal("Infra", backup.Team);
        Assert.True(backup.Proactive);
        Assert.True(backup.SlaBreached);
        Assert.Equal(2, backup.ReopenCount);
        Assert.Equal(0, backup.ReassignmentCount);
        Assert.Equal(Utc(2026, 1, 12, 14, 30), backup.OpenedAt);
        Assert.Equal(Utc(2026, 1, 12, 15, 10), backup.ResolvedAt);
        Assert.Equal(Utc(2026, 1, 12, 15, 10), backup.UpdatedAt);

        var rerun = await _store.ImportAsync(path, "generic", mappingFile: mapping);
        Counts(rerun, read: 3, inserted: 0, unchanged: 3);
    }

    [Fact]
    public async Task Generic_CommandLineSettings_WinOverTheMapping()
    {
        var mapping = _store.WriteFile("myitsm.json", Mapping);
        var path = _store.WriteFile("calls.csv", Calls);

        var summary = await _store.ImportAsync(path, "generic", timeZone: "Europe/Amsterdam", mappingFile: mapping);

        Counts(summary, read: 3, inserted: 3);
        var laptop = await TicketAsync(_store, "myitsm", "C-1001");
        Assert.Equal(Utc(2026, 1, 5, 8, 5), laptop.OpenedAt);
    }

    [Fact]
    public async Task Generic_MinimalMapping_DetectsTheRestAndQuarantinesBadRows()
    {
        var mapping = _store.WriteFile("minimal.json", """
            { "columns": { "ticket_id": "Number", "opened_at": "Opened", "resolved_at": "Resolved", "kind": "Kind" } }
            """);
        var path = _store.WriteFile("minimal.csv", """
            Number,Opened,Resolved,Kind
            1,2026-01-05 09:05,2026-01-05 10:00,Service request
            2,2026-01-05 09:05,2026-01-04 10:00,incident
            3,2026-01-05 09:05,,Gizmo
            4,,,incident
            """);

        var summary = await _store.ImportAsync(path, "generic", mappingFile: mapping);

        Counts(summary, read: 4, inserted: 1, quarantined: 3);
        Assert.Contains(summary.FirstProblems, p => p.Line == 3 && p.Field == "Resolved" && p.Reason.Contains("before opened", StringComparison.Ordinal));
        Assert.Contains(summary.FirstProblems, p => p.Line == 4 && p.Field == "Kind" && p.RawValue == "Gizmo");
        Assert.Contains(summary.FirstProblems, p => p.Line == 5 && p.Field == "Opened" && p.Reason.Contains("missing", StringComparison.Ordinal));
        var ticket = await TicketAsync(_store, "generic", "1");
        Assert.Equal(TicketKind.Request, ticket.Kind);
        Assert.Equal(Utc(2026, 1, 5, 8, 5), ticket.OpenedAt);
    }

    [Theory]
    [InlineData("{ \"columns\": { \"ticket_id\": \"Ref\", ", "not a valid mapping")]
    [InlineData("{ \"columns\": { \"ticket_id\": \"Ref\", \"opened_at\": \"Logged\", \"titel\": \"Subject\" } }", "unknown canonical field 'titel'")]
    [InlineData("{ \"columns\": { \"ticket_id\": \"Ref\" } }", "must map 'opened_at'")]
    [InlineData("{ \"columns\": { \"ticket_id\": \"Ref\", \"opened_at\": \"Logged\" }, \"kind\": { \"column\": \"Type\", \"map\": { \"Fault\": \"storing\" } } }", "maps 'Fault' to 'storing'")]
    [InlineData("{ \"columns\": { \"ticket_id\": \"Ref\", \"opened_at\": \"Logged\" }, \"timeZone\": \"Mars/Olympus\" }", "Unknown time zone 'Mars/Olympus'")]
    [InlineData("{ \"columns\": { \"ticket_id\": \"Ref\", \"opened_at\": \"Logged\" }, \"dateformat\": \"iso\", \"colums\": {} }", "colums")]
    public async Task Generic_BadMappingFile_FailsNamingTheFile(string json, string expected)
    {
        var mapping = _store.WriteFile("broken-mapping.json", json);
        var path = _store.WriteFile("calls.csv", Calls);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _store.ImportAsync(path, "generic", mappingFile: mapping));

        Assert.Contains(mapping, error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await _store.Tickets.CountAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Generic_MissingMappingFile_FailsNamingTheFile()
    {
        var mapping = Path.Combine(Path.GetDirectoryName(_store.DatabasePath)!, "no-such-mapping.json");
        var path = _store.WriteFile("calls.csv", Calls);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _store.ImportAsync(path, "generic", mappingFile: mapping));

        Assert.Contains($"'{mapping}' not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Generic_MappingNamesAColumnTheFileLacks_FailsNamingMappingAndColumn()
    {
        var mapping = _store.WriteFile("myitsm.json", Mapping);
        var path = _store.WriteFile("other.csv", """
            Ref;Logged;Subject
            C-1;5/1/2026 9:05;Hello
            """);

        var error = await Assert.ThrowsAsync<ImportFileException>(() => _store.ImportAsync(path, "generic", mappingFile: mapping));

        Assert.Contains(mapping, error.Message, StringComparison.Ordinal);
        Assert.Contains("category to column 'Area'", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _store.Dispose();
}
