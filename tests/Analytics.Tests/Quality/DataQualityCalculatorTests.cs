using Analytics.Import;
using Analytics.Quality;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Quality;

/// <summary>The gaps of a week's data, counted on SQLite and on PostgreSQL alike.</summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class DataQualityCalculatorTests(PostgresServer server)
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 16, 0, 0, 0, TimeSpan.Zero);
    private static readonly FakeTimeProvider Clock = new(Monday.AddDays(8));

    [Fact]
    public async Task Sqlite_CountsEveryKindOfGap()
    {
        using var store = new SqliteTestStore();
        await AssertGapsAsync(store.Connections);
    }

    [Fact]
    public async Task Postgres_CountsEveryKindOfGap()
    {
        var database = await server.CreateDatabaseAsync("quality");
        try
        {
            var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(database) };
            SchemaMigrator.Migrate(options);
            await AssertGapsAsync(DbConnectionFactory.Create(options));
        }
        finally
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    [Fact]
    public void Notes_SayWhatIsMissing_AndWarnWhenTheDataIsOld()
    {
        var report = new DataQualityReport(Monday, null, 10, 1, 2, 0, 3, 4, 1);

        var notes = report.Notes(Monday.AddHours(60), TimeSpan.FromHours(36));

        Assert.Equal(
            [
                "The newest ticket change is 60 hours old: the sync may be late, and the last days may be incomplete.",
                "1 ticket has no team and is counted in no team's figures.",
                "2 resolved tickets have no resolver and are credited to nobody.",
                "3 resolved tickets have no SLA outcome and are left out of SLA compliance.",
                "4 resolved tickets have no registered time; their hours are estimated.",
                "1 row from imports in the last 30 days could not be read and is in quarantine.",
            ],
            notes);
        Assert.Equal(["The store holds no tickets: every figure in this report is empty."], new DataQualityReport(null, null, 0, 0, 0, 0, 0, 0, 0).Notes(Monday, TimeSpan.FromHours(36)));
    }

    [Fact]
    public async Task AsOfAPastMoment_ReadsTicketsAsOfThen_ButAnImportDoneTodayIsStillReported()
    {
        using var store = new SqliteTestStore();
        var today = new FakeTimeProvider(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));
        var asOf = new FakeTimeProvider(new DateTimeOffset(2012, 7, 30, 0, 0, 0, TimeSpan.Zero));
        var early = new Ticket { Source = "csv", TicketId = "1", Kind = TicketKind.Incident, Team = "Alpha", OpenedAt = asOf.GetUtcNow().AddDays(-3), UpdatedAt = asOf.GetUtcNow().AddDays(-3) };
        var later = early with { TicketId = "2", OpenedAt = asOf.GetUtcNow().AddDays(5), UpdatedAt = asOf.GetUtcNow().AddDays(5) };
        await store.Tickets.UpsertAsync([early, later], CancellationToken.None);
        var ledger = new ImportLedger(store.Connections, today);
        var run = await ledger.StartRunAsync("helpdesk.csv", "fp", "generic", CancellationToken.None);
        await ledger.FinishRunAsync(run, new ImportSummary("helpdesk.csv", 2, 2, 0, 0, 0, []), CancellationToken.None);

        var quality = await new DataQualityCalculator(store.Connections, asOf, today).ComputeAsync(null, asOf.GetUtcNow().AddDays(-7), asOf.GetUtcNow(), CancellationToken.None);

        Assert.Equal(early.UpdatedAt, quality.DataAsOf);
        Assert.Equal(today.GetUtcNow(), quality.LastImport);
    }

    [Fact]
    public async Task ATicketOpenedInTheWeekButResolvedLater_IsNoResolvedTicketOfTheWeek()
    {
        using var store = new SqliteTestStore();
        var opened = new Ticket { Source = "csv", TicketId = "1", Kind = TicketKind.Incident, Team = "Alpha", OpenedAt = Monday.AddHours(9), UpdatedAt = Monday.AddDays(9) };
        await store.Tickets.UpsertAsync([opened with { ResolvedAt = Monday.AddDays(9) }], CancellationToken.None);

        var quality = await new DataQualityCalculator(store.Connections, Clock, Clock).ComputeAsync("Alpha", Monday, Monday.AddDays(7), CancellationToken.None);

        Assert.Equal(1, quality.Tickets);
        Assert.Equal((0, 0, 0), (quality.ResolvedWithoutResolver, quality.WithoutSlaOutcome, quality.WithoutTimeRegistration));
    }

    private static async Task AssertGapsAsync(IDbConnectionFactory connections)
    {
        Ticket Ticket(string id, string? team, bool resolved, string? resolver = "Ann", string? priority = "3 - Moderate", bool? sla = false, int? minutes = 20) => new()
        {
            Source = "test",
            TicketId = id,
            Kind = TicketKind.Incident,
            Team = team,
            Priority = priority,
            OpenedAt = Monday.AddHours(10),
            ResolvedAt = resolved ? Monday.AddHours(12) : null,
            ResolvedBy = resolved ? resolver : null,
            SlaBreached = resolved ? sla : null,
            TimeSpentMinutes = resolved ? minutes : null,
            UpdatedAt = Monday.AddHours(resolved ? 12 : 10),
        };

        await new TicketStore(connections).UpsertAsync(
        [
            Ticket("1", "Alpha", resolved: true),
            Ticket("2", "Alpha", resolved: true, resolver: null, sla: null, minutes: null),
            Ticket("3", "Alpha", resolved: false, priority: null),
            Ticket("4", null, resolved: true),
            Ticket("5", "Beta", resolved: true, resolver: null),
        ], CancellationToken.None);
        await new ImportLedger(connections, Clock).QuarantineAsync([new QuarantinedRow("fp", "file.csv", 7, "opened_at", "31-02-2026", "not a date")], CancellationToken.None);
        var calculator = new DataQualityCalculator(connections, Clock, Clock);

        var alpha = await calculator.ComputeAsync("Alpha", Monday, Monday.AddDays(7), CancellationToken.None);
        var all = await calculator.ComputeAsync(null, Monday, Monday.AddDays(7), CancellationToken.None);

        Assert.Equal((3, 1, 1, 1, 1, 1), (alpha.Tickets, alpha.WithoutTeam, alpha.ResolvedWithoutResolver, alpha.WithoutPriority, alpha.WithoutSlaOutcome, alpha.WithoutTimeRegistration));
        Assert.Equal((5, 1, 2), (all.Tickets, all.WithoutTeam, all.ResolvedWithoutResolver));
        Assert.Equal(Monday.AddHours(12), alpha.DataAsOf);
        Assert.Equal(1, alpha.QuarantinedRecently);
    }
}
