using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Storage;
using Analytics.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Forecasting;

public sealed class CapacityOutlookWithoutModelTests
{
    [Fact]
    public async Task CapacityOutlook_NoModelTrainedYet_IsEmpty()
    {
        using var store = new SqliteTestStore();
        var (trainer, planner) = Build(store);

        var rows = await new CapacityOutlookProvider(planner).GetAsync(IsoWeek.Parse("2026-W48"), 12, CancellationToken.None);

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Retrain_EmptyStore_StoresNothingAndForecastsNothing()
    {
        using var store = new SqliteTestStore();
        var (trainer, planner) = Build(store);

        var trained = await trainer.RetrainAsync(CancellationToken.None);

        Assert.Empty(trained);
        Assert.Null(await new ForecastModelStore(store.Connections).GetLatestAsync(SeriesFrequency.Daily, CancellationToken.None));
        Assert.Null(await planner.PlanAsync(null, 12, CancellationToken.None));
    }

    private static (ForecastTrainer Trainer, StaffingPlanner Planner) Build(SqliteTestStore store)
    {
        var reference = new ReferenceStore(store.Connections);
        var reader = new IncomingSeriesReader(store.Connections, reference);
        var models = new ForecastModelStore(store.Connections);
        var calendar = new ForecastCalendar(store.Time, reference, store.Connections);
        var forecast = Options.Create(new ForecastOptions());
        var holidays = new DutchHolidayCalendar();
        var trainer = new ForecastTrainer(reader, models, calendar, forecast, holidays, store.Time, NullLogger<ForecastTrainer>.Instance);
        var service = new ForecastService(reader, models, calendar, forecast, holidays, store.Time);
        var planner = new StaffingPlanner(service, new WorkloadProfileReader(store.Connections, reference), new Analytics.Roster.RosterReader(store.Connections, reference), Options.Create(new StaffingOptions()), holidays, store.Time);
        return (trainer, planner);
    }
}
