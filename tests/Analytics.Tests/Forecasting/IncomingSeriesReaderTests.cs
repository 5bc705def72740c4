using Analytics.Forecasting;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Forecasting;

/// <summary>The series query on a real engine: local days across daylight saving, breakdowns, late-starting teams.</summary>
public abstract class IncomingSeriesReaderContract
{
    protected abstract Task<(IDbConnectionFactory Connections, Func<ValueTask> Drop)> CreateStoreAsync();

    private static Ticket Ticket(string id, string team, string category, string openedUtc) => new()
    {
        Source = "test",
        TicketId = id,
        Kind = TicketKind.Incident,
        Category = category,
        Team = team,
        OpenedAt = DateTimeOffset.Parse(openedUtc, System.Globalization.CultureInfo.InvariantCulture),
        UpdatedAt = DateTimeOffset.Parse(openedUtc, System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task ReadDaily_AcrossDaylightSaving_CountsLocalDays()
    {
        var (connections, drop) = await CreateStoreAsync();
        try
        {
            await new ReferenceStore(connections).UpsertTeamsAsync([new Team { Name = "Desk", TimeZone = "Europe/Amsterdam" }, new Team { Name = "Late", TimeZone = "Europe/Amsterdam" }], CancellationToken.None);
            await new TicketStore(connections).UpsertAsync(
            [
                // 22:30 UTC on Saturday 24 October is 00:30 on Sunday in summer time (+2).
                Ticket("1", "Desk", "Mail", "2026-10-24T22:30:00Z"),
                // 22:30 UTC on Sunday 25 October is 23:30 the same Sunday in winter time (+1).
                Ticket("2", "Desk", "Mail", "2026-10-25T22:30:00Z"),
                Ticket("3", "Desk", "Print", "2026-10-25T23:10:00Z"),
                Ticket("4", "Desk", "Print", "2026-10-20T09:00:00Z"),
                Ticket("5", "Late", "Mail", "2026-10-24T10:00:00Z"),
            ], CancellationToken.None);

            var reader = new IncomingSeriesReader(connections, new ReferenceStore(connections));
            var series = await reader.ReadDailyAsync(new DateOnly(2026, 10, 19), new DateOnly(2026, 10, 26), ForecastGrain.Category, CancellationToken.None);

            var desk = series.Single(s => s.Key == new SeriesKey("Desk"));
            Assert.Equal(new DateOnly(2026, 10, 20), desk.Start);
            Assert.Equal([1, 0, 0, 0, 0, 2, 1], desk.Values);
            Assert.Equal([1, 0, 0, 0, 0, 0, 1], series.Single(s => s.Key == new SeriesKey("Desk", "Print")).Values);
            Assert.Equal([2, 0], series.Single(s => s.Key == new SeriesKey("Desk", "Mail")).Values.TakeLast(2));
            var late = series.Single(s => s.Key == new SeriesKey("Late"));
            Assert.Equal(new DateOnly(2026, 10, 24), late.Start);
            Assert.Equal([1, 0, 0], late.Values);
            var department = series.Single(s => s.Key == SeriesKey.Department);
            Assert.Equal(5, department.Values.Sum());

            // From Tuesday 20 to Monday 26 October there is no whole ISO week.
            Assert.Null(IncomingSeriesReader.ToWeekly(desk));
        }
        finally
        {
            await drop();
        }
    }
}

public sealed class SqliteIncomingSeriesReaderTests : IncomingSeriesReaderContract
{
    protected override Task<(IDbConnectionFactory Connections, Func<ValueTask> Drop)> CreateStoreAsync()
    {
        var store = new SqliteTestStore();
        return Task.FromResult<(IDbConnectionFactory, Func<ValueTask>)>((store.Connections, () =>
        {
            store.Dispose();
            return ValueTask.CompletedTask;
        }));
    }
}

[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class PostgresIncomingSeriesReaderTests(PostgresServer server) : IncomingSeriesReaderContract
{
    protected override async Task<(IDbConnectionFactory Connections, Func<ValueTask> Drop)> CreateStoreAsync()
    {
        var database = await server.CreateDatabaseAsync("series");
        var options = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(database) };
        SchemaMigrator.Migrate(options);
        return (DbConnectionFactory.Create(options), () => new ValueTask(server.DropDatabaseAsync(database)));
    }
}
