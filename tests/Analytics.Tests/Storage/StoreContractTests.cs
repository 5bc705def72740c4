using System.Data.Common;
using Analytics.Import;
using Analytics.Storage;
using Analytics.Tickets;
using static Analytics.Tests.Storage.StoreSamples;

namespace Analytics.Tests.Storage;

/// <summary>
/// The behaviour every store engine must show. Each engine has a sealed subclass that supplies a
/// fresh, migrated store per test; the tests themselves are written once, here.
/// </summary>
public abstract class StoreContractTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private StoreUnderTest? _store;

    protected StoreUnderTest Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates a new, empty, migrated store on the engine under test.</summary>
    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    // ---- tickets: round trips -------------------------------------------------------------

    [StoreFact]
    public void FullTicketSample_SetsEveryFieldToANonDefaultValue()
    {
        // Guards the round-trip test below: a field added to Ticket must be added to the sample too.
        // (Enums are required and have no "unset" value; every kind is covered further down.)
        var ticket = FullTicket();
        Assert.All(typeof(Ticket).GetProperties(), p =>
        {
            var value = p.GetValue(ticket);
            Assert.NotNull(value);
            var underlying = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
            if (underlying.IsValueType && !underlying.IsEnum)
            {
                Assert.NotEqual(Activator.CreateInstance(underlying), value);
            }
        });
    }

    [StoreFact]
    public async Task Ticket_WithEveryFieldSet_RoundTripsExactly()
    {
        var ticket = FullTicket();

        await Store.Tickets.UpsertAsync([ticket], None);
        var stored = await Store.Tickets.GetAsync(ticket.Source, ticket.TicketId, None);

        Assert.Equal(ticket, stored);
        AssertInstantsAreUtc(stored!);
    }

    [StoreFact]
    public async Task Ticket_WithEveryNullableFieldNull_RoundTripsWithNulls()
    {
        var ticket = MinimalTicket();

        await Store.Tickets.UpsertAsync([ticket], None);
        var stored = await Store.Tickets.GetAsync(ticket.Source, ticket.TicketId, None);

        Assert.Equal(ticket, stored);
        Assert.Null(stored!.Channel);
        Assert.Null(stored.SlaBreached);
        Assert.Null(stored.FirstResponseAt);
        Assert.Null(stored.TimeSpentMinutes);
        Assert.False(stored.Proactive);
        AssertInstantsAreUtc(stored);
    }

    [StoreFact]
    public async Task Upsert_OneBatchMixingNullAndSetFields_StoresEachRowAsGiven()
    {
        // One prepared statement serves every row: NULLs first, then values, then NULLs again.
        Ticket[] tickets = [MinimalTicket("A1"), FullTicket("A2"), MinimalTicket("A3") with { SlaBreached = false }, FullTicket("A4")];

        await Store.Tickets.UpsertAsync(tickets, None);

        Assert.Equal(tickets, await ReadAllAsync());
    }

    [StoreFact]
    public async Task Ticket_EveryKindAndEveryChannel_RoundTrip()
    {
        var kinds = Enum.GetValues<TicketKind>();
        var channels = Enum.GetValues<Channel>();
        var tickets = Enumerable.Range(0, Math.Max(kinds.Length, channels.Length))
            .Select(i => FullTicket($"T{i:00}") with { Kind = kinds[i % kinds.Length], Channel = channels[i % channels.Length] })
            .ToList();

        await Store.Tickets.UpsertAsync(tickets, None);
        var stored = await ReadAllAsync();

        Assert.Equal(tickets, stored);
        Assert.Equal(kinds.Order(), stored.Select(t => t.Kind).Distinct().Order());
        Assert.Contains(stored, t => t.Channel == Channel.WalkIn);
    }

    [StoreFact]
    public async Task Ticket_SlaBreachedTrueFalseAndNull_RoundTrip()
    {
        Ticket[] tickets =
        [
            MinimalTicket("SLA-TRUE") with { SlaBreached = true },
            MinimalTicket("SLA-FALSE") with { SlaBreached = false },
            MinimalTicket("SLA-NULL") with { SlaBreached = null },
        ];

        await Store.Tickets.UpsertAsync(tickets, None);

        Assert.True((await Store.Tickets.GetAsync(Source, "SLA-TRUE", None))!.SlaBreached);
        Assert.False((await Store.Tickets.GetAsync(Source, "SLA-FALSE", None))!.SlaBreached);
        Assert.Null((await Store.Tickets.GetAsync(Source, "SLA-NULL", None))!.SlaBreached);
    }

    [StoreFact]
    public async Task Ticket_InstantsGivenWithAnOffset_AreStoredAsTheSameUtcInstant()
    {
        var amsterdam = TimeSpan.FromHours(2);
        var ticket = MinimalTicket() with
        {
            OpenedAt = new DateTimeOffset(2026, 6, 1, 10, 0, 0, amsterdam),
            ResolvedAt = new DateTimeOffset(2026, 6, 1, 1, 30, 0, amsterdam),
            UpdatedAt = new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.FromHours(-5)),
        };

        await Store.Tickets.UpsertAsync([ticket], None);
        var stored = (await Store.Tickets.GetAsync(ticket.Source, ticket.TicketId, None))!;

        Assert.Equal(Utc(6, 1, 8), stored.OpenedAt);
        Assert.Equal(new DateTimeOffset(2026, 5, 31, 23, 30, 0, TimeSpan.Zero), stored.ResolvedAt);
        Assert.Equal(Utc(6, 2, 5), stored.UpdatedAt);
        AssertInstantsAreUtc(stored);
    }

    [StoreFact]
    public async Task GetAsync_UnknownTicket_ReturnsNull()
    {
        await Store.Tickets.UpsertAsync([FullTicket()], None);

        Assert.Null(await Store.Tickets.GetAsync(Source, "NOPE", None));
        Assert.Null(await Store.Tickets.GetAsync("other-source", FullTicket().TicketId, None));
    }

    [StoreFact]
    public async Task ReadAll_StreamsTicketsInSourceAndIdOrder()
    {
        await Store.Tickets.UpsertAsync(
            [FullTicket("B2"), MinimalTicket("A1") with { Source = "topdesk" }, MinimalTicket("A1"), FullTicket("B1")],
            None);

        var keys = (await ReadAllAsync()).Select(t => $"{t.Source}/{t.TicketId}");

        Assert.Equal(["servicenow/A1", "servicenow/B1", "servicenow/B2", "topdesk/A1"], keys);
    }

    // ---- tickets: upsert outcomes ---------------------------------------------------------

    [StoreFact]
    public async Task Upsert_NewTickets_ReportsInserted()
    {
        var results = await Store.Tickets.UpsertAsync([FullTicket(), MinimalTicket()], None);

        Assert.Equal([Result(WriteOutcome.Inserted), Result(WriteOutcome.Inserted)], results);
        Assert.Equal(2, await Store.Tickets.CountAsync(None));
    }

    [StoreFact]
    public async Task Upsert_SameKeyTwice_KeepsOneRow()
    {
        await Store.Tickets.UpsertAsync([FullTicket()], None);
        await Store.Tickets.UpsertAsync([FullTicket() with { Title = "Printer fixed" }], None);
        await Store.Tickets.UpsertAsync([FullTicket() with { Title = "Printer fixed" }], None);

        Assert.Equal(1, await Store.Tickets.CountAsync(None));
        Assert.Equal("Printer fixed", (await Store.Tickets.GetAsync(Source, FullTicket().TicketId, None))!.Title);
    }

    [StoreFact]
    public async Task Upsert_IdenticalTicketAgain_ReportsUnchanged()
    {
        await Store.Tickets.UpsertAsync([FullTicket(), MinimalTicket()], None);

        var results = await Store.Tickets.UpsertAsync([FullTicket(), MinimalTicket()], None);

        Assert.Equal([Result(WriteOutcome.Unchanged), Result(WriteOutcome.Unchanged)], results);
    }

    [StoreFact]
    public async Task Upsert_ChangedTicket_ReportsUpdatedAndStoresTheNewContent()
    {
        await Store.Tickets.UpsertAsync([FullTicket(), MinimalTicket()], None);
        var changed = FullTicket() with
        {
            Assignee = null,
            SlaBreached = false,
            ClosedAt = null,
            Channel = Channel.Monitoring,
            ReopenCount = 3,
            UpdatedAt = Utc(3, 7, 12),
        };

        var results = await Store.Tickets.UpsertAsync([changed, MinimalTicket()], None);

        Assert.Equal([Result(WriteOutcome.Updated), Result(WriteOutcome.Unchanged)], results);
        Assert.Equal(changed, await Store.Tickets.GetAsync(Source, changed.TicketId, None));
        Assert.Equal(2, await Store.Tickets.CountAsync(None));
    }

    [StoreFact]
    public async Task Upsert_NullableFieldsFilledLater_ReportsUpdatedAndStoresThem()
    {
        await Store.Tickets.UpsertAsync([MinimalTicket()], None);
        var filled = FullTicket(MinimalTicket().TicketId);

        var results = await Store.Tickets.UpsertAsync([filled], None);

        Assert.Equal([Result(WriteOutcome.Updated)], results);
        Assert.Equal(filled, await Store.Tickets.GetAsync(Source, filled.TicketId, None));
    }

    [StoreFact]
    public async Task Upsert_SameTicketIdInAnotherSource_IsASeparateRow()
    {
        var results = await Store.Tickets.UpsertAsync([FullTicket(), FullTicket() with { Source = "topdesk", Title = "Other" }], None);

        Assert.Equal([Result(WriteOutcome.Inserted), Result(WriteOutcome.Inserted)], results);
        Assert.Equal(2, await Store.Tickets.CountAsync(None));
        Assert.Equal("Other", (await Store.Tickets.GetAsync("topdesk", FullTicket().TicketId, None))!.Title);
        Assert.Equal(FullTicket().Title, (await Store.Tickets.GetAsync(Source, FullTicket().TicketId, None))!.Title);
    }

    // ---- tickets: the batch writer with a file fingerprint --------------------------------

    [StoreFact]
    public async Task Writer_SameKeyOnAnotherLineWithDifferentData_IsConflictingDuplicateAndNotWritten()
    {
        var first = FullTicket();
        var results = await WriteFileAsync("fp-1", [(first, 2), (first with { Title = "Different" }, 3)]);

        Assert.Equal([Result(WriteOutcome.Inserted), Result(WriteOutcome.ConflictingDuplicate, 2)], results);
        Assert.Equal(first, await Store.Tickets.GetAsync(first.Source, first.TicketId, None));
        Assert.Equal(1, await Store.Tickets.CountAsync(None));
    }

    [StoreFact]
    public async Task Writer_SameKeyOnAnotherLineWithIdenticalData_IsUnchanged()
    {
        var results = await WriteFileAsync("fp-1", [(FullTicket(), 2), (FullTicket(), 3)]);

        Assert.Equal([Result(WriteOutcome.Inserted), Result(WriteOutcome.Unchanged, 2)], results);
        Assert.Equal(1, await Store.Tickets.CountAsync(None));
    }

    [StoreFact]
    public async Task Writer_SecondRunOverTheSameBatch_ChangesNothingAndReportsTheSameDuplicates()
    {
        (Ticket, long)[] lines =
        [
            (FullTicket(), 2),
            (FullTicket() with { Title = "Different" }, 3),
            (FullTicket(), 4),
            (MinimalTicket(), 5),
        ];
        var firstRun = await WriteFileAsync("fp-1", lines);

        var secondRun = await WriteFileAsync("fp-1", lines);

        Assert.Equal(
            [Result(WriteOutcome.Inserted), Result(WriteOutcome.ConflictingDuplicate, 2), Result(WriteOutcome.Unchanged, 2), Result(WriteOutcome.Inserted)],
            firstRun);
        Assert.Equal(
            [Result(WriteOutcome.Unchanged), Result(WriteOutcome.ConflictingDuplicate, 2), Result(WriteOutcome.Unchanged, 2), Result(WriteOutcome.Unchanged)],
            secondRun);
        Assert.Equal([FullTicket(), MinimalTicket()], await ReadAllAsync());
    }

    [StoreFact]
    public async Task Writer_DuplicateInALaterBatchOfTheSameFile_IsStillConflictingDuplicate()
    {
        await using var writer = await Store.Tickets.OpenWriterAsync("fp-1", None);

        var first = await writer.WriteAsync([new TicketWrite(FullTicket(), 2)], None);
        var second = await writer.WriteAsync([new TicketWrite(FullTicket() with { Priority = "1 - Critical" }, 9)], None);

        Assert.Equal([Result(WriteOutcome.Inserted)], first);
        Assert.Equal([Result(WriteOutcome.ConflictingDuplicate, 2)], second);
        Assert.Equal(FullTicket().Priority, (await Store.Tickets.GetAsync(Source, FullTicket().TicketId, None))!.Priority);
    }

    [StoreFact]
    public async Task Writer_SameKeyFromAnotherFile_IsUpdated()
    {
        await WriteFileAsync("fp-1", [(FullTicket(), 2)]);
        var newer = FullTicket() with { Title = "Newer export", UpdatedAt = Utc(3, 9, 10) };

        var results = await WriteFileAsync("fp-2", [(newer, 7)]);

        Assert.Equal([Result(WriteOutcome.Updated)], results);
        Assert.Equal(newer, await Store.Tickets.GetAsync(Source, newer.TicketId, None));
    }

    [StoreFact]
    public async Task Writer_BatchLargerThanOneKeyLookup_IsInsertedOnceAndUnchangedOnRerun()
    {
        // More keys than one lookup statement takes (500), to cover the chunked lookup of existing rows.
        var lines = Enumerable.Range(1, 1_234)
            .Select(i => (FullTicket($"INC{i:0000000}") with { ReopenCount = i % 4 }, (long)i + 1))
            .ToArray();

        var firstRun = await WriteFileAsync("fp-big", lines);
        var secondRun = await WriteFileAsync("fp-big", lines);

        Assert.All(firstRun, r => Assert.Equal(Result(WriteOutcome.Inserted), r));
        Assert.All(secondRun, r => Assert.Equal(Result(WriteOutcome.Unchanged), r));
        Assert.Equal(lines.Length, await Store.Tickets.CountAsync(None));
    }

    // ---- events -----------------------------------------------------------------------------

    [StoreFact]
    public async Task Events_AddedTwice_KeepOneRowEach()
    {
        TicketEvent[] events =
        [
            new() { Source = Source, TicketId = "INC1", OccurredAt = Utc(3, 2, 8, 16), Kind = TicketEventKind.TeamAssignment, FromValue = null, ToValue = "Service Desk", Actor = "system" },
            new() { Source = Source, TicketId = "INC1", OccurredAt = Utc(3, 2, 8, 16), Kind = TicketEventKind.Assignment, FromValue = null, ToValue = "Anna de Vries" },
            new() { Source = Source, TicketId = "INC1", OccurredAt = Utc(3, 2, 9, 0, 59), Kind = TicketEventKind.Status, FromValue = "New", ToValue = "In Progress", Actor = "Anna de Vries" },
        ];

        var firstAdded = await Store.Tickets.AddEventsAsync(events, None);
        var secondAdded = await Store.Tickets.AddEventsAsync(events, None);
        var stored = await Store.Tickets.GetEventsAsync(Source, "INC1", None);

        Assert.Equal(3, firstAdded);
        Assert.Equal(0, secondAdded);
        Assert.Equal(events.OrderBy(e => e.OccurredAt).ThenBy(e => CanonicalNames.Of(e.Kind), StringComparer.Ordinal), stored);
        Assert.All(stored, e => Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset));
    }

    [StoreFact]
    public async Task Events_ExistingEventWithOtherValues_IsLeftAsItWas()
    {
        var original = new TicketEvent { Source = Source, TicketId = "INC1", OccurredAt = Utc(3, 2, 9), Kind = TicketEventKind.Status, FromValue = "New", ToValue = "Resolved" };

        await Store.Tickets.AddEventsAsync([original], None);
        var added = await Store.Tickets.AddEventsAsync([original with { ToValue = "Closed", Actor = "someone" }], None);

        Assert.Equal(0, added);
        Assert.Equal([original], await Store.Tickets.GetEventsAsync(Source, "INC1", None));
        Assert.Empty(await Store.Tickets.GetEventsAsync(Source, "INC2", None));
    }

    [StoreFact]
    public async Task Events_SameTicketTimeAndKindWithOtherSequence_AreAllKept()
    {
        // Two hand-overs in the same minute, as audit trails with minute precision have them.
        List<TicketEvent> events =
        [
            new() { Source = Source, TicketId = "INC1", OccurredAt = Utc(3, 2, 9), Kind = TicketEventKind.TeamAssignment, FromValue = "Desk", ToValue = "Network" },
            new() { Source = Source, TicketId = "INC1", OccurredAt = Utc(3, 2, 9), Kind = TicketEventKind.TeamAssignment, FromValue = "Network", ToValue = "Servers" },
        ];
        EventSequence.Number(events);

        var added = await Store.Tickets.AddEventsAsync(events, None);
        var again = await Store.Tickets.AddEventsAsync(events, None);

        Assert.Equal(2, added);
        Assert.Equal(0, again);
        Assert.Equal(events, await Store.Tickets.GetEventsAsync(Source, "INC1", None));
    }

    [StoreFact]
    public async Task EventLogImport_FoldsCasesThroughTheStage_OnEveryEngine()
    {
        var folder = Directory.CreateTempSubdirectory("analytics-eventlog-");
        try
        {
            var mapping = Path.Combine(folder.FullName, "map.json");
            await File.WriteAllTextAsync(mapping, """
                { "source": "log", "eventLog": { "case": "Case", "timestamp": "At", "activity": "Step",
                  "resolved": ["Done"], "reopened": ["Again"], "team": "Team" } }
                """);
            var log = Path.Combine(folder.FullName, "log.csv");
            await File.WriteAllTextAsync(log, """
                Case,At,Step,Team
                B,2026-03-02T10:00:00Z,Start,Desk
                A,2026-03-02T12:00:00Z,Done,Network
                A,2026-03-02T09:00:00Z,Start,Desk
                A,2026-03-02T11:00:00Z,Again,Network
                A,2026-03-02T10:00:00Z,Done,Desk
                """);

            var summary = await Store.CreateImporter().ImportAsync(log, new ImportOptions { Profile = "generic", MappingFile = mapping }, null, None);

            Assert.Equal(2, summary.Inserted);
            var a = await Store.Tickets.GetAsync("log", "A", None);
            Assert.NotNull(a);
            Assert.Equal(Utc(3, 2, 9), a.OpenedAt);
            Assert.Equal(Utc(3, 2, 12), a.ResolvedAt);
            Assert.Equal(1, a.ReopenCount);
            Assert.Equal(("Network", 1), (a.Team, a.ReassignmentCount));
            Assert.Equal(6, (await Store.Tickets.GetEventsAsync("log", "A", None)).Count); // 4 steps, 2 teams
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    // ---- teams and agents -------------------------------------------------------------------

    [StoreFact]
    public async Task Teams_RoundTrip_WithManagersTimeZoneHoursAndShrinkage()
    {
        await Store.Reference.UpsertTeamsAsync([FullTeam(), DefaultTeam()], None);

        var stored = await Store.Reference.GetTeamsAsync(None);

        Assert.Equal(2, stored.Count);
        AssertTeam(FullTeam(), stored[0]);
        AssertTeam(DefaultTeam(), stored[1]);
        Assert.Empty(stored[1].ManagerEmails);
    }

    [StoreFact]
    public async Task Teams_UpsertSameName_UpdatesTheOneRow()
    {
        await Store.Reference.UpsertTeamsAsync([FullTeam()], None);
        var changed = FullTeam() with { ManagerEmails = ["new.lead@example.org"], Shrinkage = 0.4m, WorkdayEnd = new TimeOnly(18, 0) };

        await Store.Reference.UpsertTeamsAsync([changed], None);
        var stored = await Store.Reference.GetTeamsAsync(None);

        AssertTeam(changed, Assert.Single(stored));
    }

    [StoreFact]
    public async Task Agents_RoundTrip_IncludingRecognitionOptOutAndStartDate()
    {
        await Store.Reference.UpsertAgentsAsync([FullAgent(), MinimalAgent()], None);

        var stored = await Store.Reference.GetAgentsAsync(None);

        Assert.Equal([FullAgent(), MinimalAgent()], stored);
        Assert.True(stored[0].RecognitionOptOut);
        Assert.Equal(new DateOnly(2026, 2, 16), stored[0].StartDate);
        Assert.False(stored[1].RecognitionOptOut);
        Assert.Null(stored[1].StartDate);
        Assert.Null(stored[1].ContractHours);
        Assert.Equal(new DateOnly(2027, 1, 31), stored[0].EndDate);
    }

    [StoreFact]
    public async Task Teams_SettingsNotGiven_AreStoredAsUnknownAndReadBackAsAssumed()
    {
        await Store.Reference.UpsertTeamsAsync([NothingGivenTeam()], None);

        var stored = Assert.Single(await Store.Reference.GetTeamsAsync(None));

        AssertTeam(NothingGivenTeam(), stored);
        Assert.Equal(TeamSettings.None, stored.Given);
        Assert.Equal(0.30m, stored.Shrinkage);
    }

    [StoreFact]
    public async Task Leave_RoundTrips_AndTheSameAgentAndFirstDayReplacesTheEntry()
    {
        AgentLeave[] leave = [new("Anna de Vries", new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 18), 16m), new("Bram Jansen", new DateOnly(2027, 1, 4), new DateOnly(2027, 1, 8), null)];
        await Store.Reference.UpsertLeaveAsync(leave, None);
        await Store.Reference.UpsertLeaveAsync([leave[0] with { To = new DateOnly(2026, 12, 23) }], None);

        Assert.Equal([leave[0] with { To = new DateOnly(2026, 12, 23) }, leave[1]], await Store.Reference.GetLeaveAsync(None));
    }

    [StoreFact]
    public async Task Agents_UpsertSameName_UpdatesTheOneRow()
    {
        await Store.Reference.UpsertAgentsAsync([FullAgent()], None);
        var changed = FullAgent() with { RecognitionOptOut = false, StartDate = null, ContractHours = 40m, Team = "Workplace" };

        await Store.Reference.UpsertAgentsAsync([changed], None);

        Assert.Equal([changed], await Store.Reference.GetAgentsAsync(None));
    }

    // ---- time entries, feedback, knowledge articles ----------------------------------------

    [StoreFact]
    public async Task TimeEntries_RoundTrip_WithAndWithoutTicket()
    {
        TimeEntry[] entries =
        [
            new() { Source = Source, EntryId = "T1", Agent = "Anna de Vries", WorkDate = new DateOnly(2026, 3, 2), Minutes = 45, Activity = "Troubleshooting", TicketId = "INC0010001" },
            new() { Source = Source, EntryId = "T2", Agent = "Bram Jansen", WorkDate = new DateOnly(2026, 12, 31), Minutes = 480, Activity = null, TicketId = null },
        ];

        await Store.Activity.UpsertTimeEntriesAsync(entries, None);

        Assert.Equal(entries, await Store.Activity.GetTimeEntriesAsync(None));
    }

    [StoreFact]
    public async Task TimeEntries_UpsertSameEntry_KeepsOneRowWithTheLatestValues()
    {
        var entry = new TimeEntry { Source = Source, EntryId = "T1", Agent = "Anna de Vries", WorkDate = new DateOnly(2026, 3, 2), Minutes = 45, TicketId = "INC1" };
        var corrected = entry with { Minutes = 60, WorkDate = new DateOnly(2026, 3, 3), TicketId = null, Activity = "Meeting" };

        await Store.Activity.UpsertTimeEntriesAsync([entry], None);
        await Store.Activity.UpsertTimeEntriesAsync([corrected], None);

        Assert.Equal([corrected], await Store.Activity.GetTimeEntriesAsync(None));
    }

    [StoreFact]
    public async Task Feedback_RoundTrips_WithAndWithoutComment()
    {
        Feedback[] feedback =
        [
            new() { Source = Source, TicketId = "INC1", GivenAt = Utc(3, 4, 10, 11, 12), Score = 5, Comment = "Snel en vriendelijk geholpen! 👍" },
            new() { Source = Source, TicketId = "INC2", GivenAt = Utc(3, 5, 23, 59, 59), Score = 1, Comment = null },
        ];

        await Store.Activity.UpsertFeedbackAsync(feedback, None);
        await Store.Activity.UpsertFeedbackAsync([feedback[1] with { Score = 2 }], None);
        var stored = await Store.Activity.GetFeedbackAsync(None);

        Assert.Equal([feedback[0], feedback[1] with { Score = 2 }], stored);
        Assert.All(stored, f => Assert.Equal(TimeSpan.Zero, f.GivenAt.Offset));
    }

    [StoreFact]
    public async Task KnowledgeArticles_RoundTrip_WithAndWithoutAuthorAndTeam()
    {
        KnowledgeArticle[] articles =
        [
            new() { Source = Source, ArticleId = "KB0001", Title = "Reset MFA", Author = "Anna de Vries", Team = "Service Desk", CreatedAt = Utc(1, 15, 13, 14, 15), TimesUsed = 14 },
            new() { Source = Source, ArticleId = "KB0002", Title = "VPN on macOS", CreatedAt = Utc(2, 1, 0) },
        ];

        await Store.Activity.UpsertArticlesAsync(articles, None);
        await Store.Activity.UpsertArticlesAsync([articles[0] with { TimesUsed = 15 }], None);
        var stored = await Store.Activity.GetArticlesAsync(None);

        Assert.Equal([articles[0] with { TimesUsed = 15 }, articles[1]], stored);
        Assert.All(stored, a => Assert.Equal(TimeSpan.Zero, a.CreatedAt.Offset));
    }

    // ---- import ledger and quarantine --------------------------------------------------------

    [StoreFact]
    public async Task ImportLedger_StartAndFinishRun_StoresFileTimesAndCounts()
    {
        var started = Store.Time.GetUtcNow();
        var runId = await Store.Ledger.StartRunAsync("export.csv", "fp-1", "servicenow", None);
        var unfinished = await ReadRunAsync(runId);
        Store.Time.Advance(TimeSpan.FromMinutes(3));

        await Store.Ledger.FinishRunAsync(runId, new ImportSummary("export.csv", 120, 100, 7, 10, 3, []), None);
        var run = await ReadRunAsync(runId);

        Assert.Null(unfinished.FinishedAt);
        Assert.Equal(new ImportRunRow("export.csv", "fp-1", "servicenow", started, started.AddMinutes(3), 120, 100, 7, 10, 3), run);
    }

    [StoreFact]
    public async Task ImportLedger_StartRunTwice_ReturnsTwoIncreasingIds()
    {
        var first = await Store.Ledger.StartRunAsync("a.csv", "fp-1", "servicenow", None);
        var second = await Store.Ledger.StartRunAsync("a.csv", "fp-1", "servicenow", None);

        Assert.True(first > 0, $"run id {first}");
        Assert.True(second > first, $"run ids {first}, {second}");
    }

    [StoreFact]
    public async Task Quarantine_RoundTrips_WithAndWithoutRawValue()
    {
        QuarantinedRow[] rows =
        [
            new("fp-1", "export.csv", 7, "opened_at", "31/02/2026", "not a date"),
            new("fp-1", "export.csv", 9, "row", null, "too few fields"),
        ];

        await Store.Ledger.QuarantineAsync(rows, None);

        Assert.Equal(rows, await Store.Ledger.GetQuarantineAsync(null, None));
    }

    [StoreFact]
    public async Task Quarantine_SameFingerprintLineAndFieldTwice_KeepsOneRow()
    {
        var row = new QuarantinedRow("fp-1", "export.csv", 7, "opened_at", "31/02/2026", "not a date");
        var again = row with { FileName = "export-renamed.csv", Reason = "not a valid date" };

        await Store.Ledger.QuarantineAsync([row], None);
        await Store.Ledger.QuarantineAsync([again], None);

        Assert.Equal([again], await Store.Ledger.GetQuarantineAsync(null, None));
    }

    [StoreFact]
    public async Task Quarantine_FilteredByFingerprint_ReturnsOnlyThatFilesRows()
    {
        QuarantinedRow[] rows =
        [
            new("fp-1", "a.csv", 3, "kind", "bug", "unknown kind"),
            new("fp-2", "b.csv", 3, "kind", "bug", "unknown kind"),
            new("fp-1", "a.csv", 2, "kind", "feature", "unknown kind"),
        ];

        await Store.Ledger.QuarantineAsync(rows, None);

        Assert.Equal([rows[2], rows[0]], await Store.Ledger.GetQuarantineAsync("fp-1", None));
        Assert.Equal([rows[1]], await Store.Ledger.GetQuarantineAsync("fp-2", None));
        Assert.Empty(await Store.Ledger.GetQuarantineAsync("fp-unknown", None));
        Assert.Equal(3, (await Store.Ledger.GetQuarantineAsync(null, None)).Count);
    }

    [StoreFact]
    public async Task Quarantine_EmptyList_WritesNothing()
    {
        await Store.Ledger.QuarantineAsync([], None);

        Assert.Empty(await Store.Ledger.GetQuarantineAsync(null, None));
    }

    // ---- migrations ----------------------------------------------------------------------------

    [StoreFact]
    public async Task Migrate_RunAgainTwice_KeepsDataAndTheStoreWorking()
    {
        await Store.Tickets.UpsertAsync([FullTicket()], None);

        SchemaMigrator.Migrate(Store.Options);
        SchemaMigrator.Migrate(Store.Options);
        var results = await Store.Tickets.UpsertAsync([FullTicket(), MinimalTicket()], None);

        Assert.Equal([Result(WriteOutcome.Unchanged), Result(WriteOutcome.Inserted)], results);
        Assert.Equal(FullTicket(), await Store.Tickets.GetAsync(Source, FullTicket().TicketId, None));
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static TicketWriteResult Result(WriteOutcome outcome, long? firstLine = null) => new(outcome, firstLine);

    private async Task<IReadOnlyList<TicketWriteResult>> WriteFileAsync(string fingerprint, IReadOnlyList<(Ticket Ticket, long Line)> lines)
    {
        await using var writer = await Store.Tickets.OpenWriterAsync(fingerprint, None);
        return await writer.WriteAsync(lines.Select(l => new TicketWrite(l.Ticket, l.Line)).ToList(), None);
    }

    private async Task<List<Ticket>> ReadAllAsync()
    {
        var tickets = new List<Ticket>();
        await foreach (var ticket in Store.Tickets.ReadAllAsync(None))
        {
            tickets.Add(ticket);
        }

        return tickets;
    }

    private static void AssertInstantsAreUtc(Ticket ticket)
    {
        foreach (var property in typeof(Ticket).GetProperties().Where(p => Nullable.GetUnderlyingType(p.PropertyType) == typeof(DateTimeOffset) || p.PropertyType == typeof(DateTimeOffset)))
        {
            if (property.GetValue(ticket) is DateTimeOffset value)
            {
                Assert.True(value.Offset == TimeSpan.Zero, $"{property.Name} was read with offset {value.Offset}.");
            }
        }
    }

    private static void AssertTeam(Team expected, Team actual)
    {
        Assert.Equal(expected.ManagerEmails, actual.ManagerEmails);
        Assert.Equal(expected, actual with { ManagerEmails = expected.ManagerEmails });
    }

    private async Task<ImportRunRow> ReadRunAsync(long runId)
    {
        await using var connection = await Store.Connections.OpenAsync(None);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT file_name, file_fingerprint, profile, started_at, finished_at, rows_read, inserted, updated, unchanged, quarantined
            FROM {Store.Dialect.Table("import_runs")} WHERE id = @id
            """;
        var id = command.CreateParameter();
        id.ParameterName = "@id";
        id.Value = runId;
        command.Parameters.Add(id);
        await using var reader = await command.ExecuteReaderAsync(None);
        Assert.True(await reader.ReadAsync(None), $"import run {runId} not found");
        return new ImportRunRow(
            reader.GetString(0),
            reader.GetString(1),
            reader.GetString(2),
            Store.Dialect.ReadInstant(reader, 3),
            Store.Dialect.ReadNullableInstant(reader, 4),
            Count(reader, 5),
            Count(reader, 6),
            Count(reader, 7),
            Count(reader, 8),
            Count(reader, 9));
    }

    private static long Count(DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);

    private sealed record ImportRunRow(
        string FileName,
        string Fingerprint,
        string Profile,
        DateTimeOffset StartedAt,
        DateTimeOffset? FinishedAt,
        long RowsRead,
        long Inserted,
        long Updated,
        long Unchanged,
        long Quarantined);
}
