using Analytics.Forecasting;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Forecasting;

/// <summary>
/// The forecasting SQL on a real engine: the series query (local days across daylight saving, breakdowns,
/// late-starting teams) and the model store.
/// </summary>
public abstract class IncomingSeriesReaderContract
{
    protected abstract Task<(IDbConnectionFactory Connections, Func<ValueTask> Drop)> CreateStoreAsync();

    private static Ticket Ticket(string id, string? team, string category, string openedUtc) => new()
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

    [Fact]
    public async Task ReadDaily_TicketsWithoutTeam_CountInTheDepartmentOnly()
    {
        var (connections, drop) = await CreateStoreAsync();
        try
        {
            await new ReferenceStore(connections).UpsertTeamsAsync([new Team { Name = "Desk", TimeZone = "Europe/Amsterdam" }], CancellationToken.None);
            await new TicketStore(connections).UpsertAsync(
            [
                Ticket("1", "Desk", "Mail", "2026-03-02T09:00:00Z"),
                Ticket("2", "Desk", "Print", "2026-03-03T09:00:00Z"),
                Ticket("3", null, "Mail", "2026-03-03T10:00:00Z"),
                // 23:30 UTC on Tuesday is 00:30 on Wednesday in Amsterdam, the department's zone.
                Ticket("4", null, "Print", "2026-03-03T23:30:00Z"),
                // Before any team's first ticket: the department starts here.
                Ticket("5", null, "Mail", "2026-03-01T12:00:00Z"),
            ], CancellationToken.None);

            var reader = new IncomingSeriesReader(connections, new ReferenceStore(connections));
            var series = await reader.ReadDailyAsync(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 4), ForecastGrain.Category, CancellationToken.None);

            var department = series.Single(s => s.Key == SeriesKey.Department);
            Assert.Equal(new DateOnly(2026, 3, 1), department.Start);
            Assert.Equal([1, 1, 2, 1], department.Values);
            var desk = series.Single(s => s.Key == new SeriesKey("Desk"));
            Assert.Equal(new DateOnly(2026, 3, 2), desk.Start);
            Assert.Equal([1, 1, 0], desk.Values);
            Assert.Equal(2, series.Where(s => s.Key.Level == SeriesLevel.Breakdown).Sum(s => s.Values.Sum()));
            Assert.DoesNotContain(series, s => s.Key.Level != SeriesLevel.Department && s.Key.Team != "Desk");
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public async Task ModelStore_SavesModelsAndMetadata_ReturnsTheNewestAndKeepsFive()
    {
        var (connections, drop) = await CreateStoreAsync();
        try
        {
            var store = new ForecastModelStore(connections);
            Assert.Null(await store.GetLatestAsync(SeriesFrequency.Daily, CancellationToken.None));

            for (var i = 0; i < 7; i++)
            {
                await store.SaveAsync(Metadata(i), [1, 2, (byte)i], CancellationToken.None);
            }

            await store.SaveAsync(Metadata(99) with { Frequency = SeriesFrequency.Weekly, HasModel = false }, null, CancellationToken.None);

            var latest = await store.GetLatestAsync(SeriesFrequency.Daily, CancellationToken.None);
            Assert.NotNull(latest);
            Assert.Equal([1, 2, 6], latest.Model);
            Assert.Equal(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero), latest.Metadata.CreatedAt);
            var evaluation = Assert.Single(latest.Metadata.Series);
            Assert.Equal(new SeriesKey("Desk", "Mail"), evaluation.Key);
            Assert.Equal(0.75, evaluation.ScoresOf(ForecastMethod.Model)!.Mase);
            Assert.Null(evaluation.ScoresOf(ForecastMethod.SeasonalNaive)!.Mase);
            Assert.True(double.IsNaN(evaluation.InSampleScale));
            Assert.Equal(-1.5, latest.Metadata.Quantiles[0].Lower80);

            var weekly = await store.GetLatestAsync(SeriesFrequency.Weekly, CancellationToken.None);
            Assert.Null(weekly!.Model);
            Assert.False(weekly.Metadata.HasModel);

            await using var connection = await connections.OpenAsync(CancellationToken.None);
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM {connections.Dialect.Table("forecast_models")} WHERE frequency = 'daily'";
            Assert.Equal(ForecastModelStore.Kept, Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            await drop();
        }
    }

    [Fact]
    public async Task LastCompleteDay_SyncStoppedDaysAgo_IsTheDayOfTheNewestTicketElseYesterday()
    {
        var (connections, drop) = await CreateStoreAsync();
        try
        {
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 7, 0, 0, TimeSpan.Zero));
            var calendar = new ForecastCalendar(time, new ReferenceStore(connections), connections);
            Assert.Equal(new DateOnly(2026, 11, 22), await calendar.LastCompleteDayAsync(CancellationToken.None));

            // 23:30 UTC on 9 November is 00:30 on the 10th in Amsterdam.
            await new TicketStore(connections).UpsertAsync([Ticket("1", "Desk", "Mail", "2026-11-09T23:30:00Z")], CancellationToken.None);
            Assert.Equal(new DateOnly(2026, 11, 10), await calendar.LastCompleteDayAsync(CancellationToken.None));

            await new TicketStore(connections).UpsertAsync([Ticket("2", "Desk", "Mail", "2026-11-23T06:30:00Z")], CancellationToken.None);
            Assert.Equal(new DateOnly(2026, 11, 22), await calendar.LastCompleteDayAsync(CancellationToken.None));
        }
        finally
        {
            await drop();
        }
    }

    private static ForecastModelMetadata Metadata(int i) => new()
    {
        Frequency = SeriesFrequency.Daily,
        Grain = ForecastGrain.Category,
        CreatedAt = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero).AddHours(i),
        DataFrom = new DateOnly(2024, 11, 25),
        DataTo = new DateOnly(2026, 11, 22),
        Horizon = 14,
        MinimumHistory = 56,
        BacktestOrigins = [new DateOnly(2026, 8, 23), new DateOnly(2026, 11, 8)],
        Features = ["horizon", "series (one-hot)"],
        HasModel = true,
        Trainer = "test",
        TrainingRows = 1000 + i,
        TrainingSeconds = 1.5,
        Series =
        [
            new SeriesEvaluation(new SeriesKey("Desk", "Mail"), new DateOnly(2024, 11, 25), 728, ForecastMethod.Model, "lowest error",
                [new MethodScores(ForecastMethod.Model, new AccuracyScores(2, 0.75, 0.2, 0.1, 0.01, 168)),
                 new MethodScores(ForecastMethod.SeasonalNaive, new AccuracyScores(3, null, 0.3, 0, 0, 168))],
                double.NaN, 1.1, 168, 130, 160),
        ],
        Quantiles = [new IntervalQuantiles(1, -1.5, 1.4, -2.2, 2.5)],
        IntervalsCalibrated = true,
    };
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
