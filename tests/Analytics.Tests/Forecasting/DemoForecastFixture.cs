using System.Diagnostics;
using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Storage;
using Analytics.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Tests.Forecasting;

/// <summary>
/// Trains the daily and weekly models once on the shared demo store (read only: the models go to a
/// store of their own), as the nightly job would on the Monday morning after the demo's last day.
/// </summary>
public sealed class DemoForecastFixture : IAsyncLifetime
{
    public SqliteTestStore ModelStore { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 23, 5, 0, 0, TimeSpan.Zero));

    public ForecastOptions Options { get; } = new();

    public LoadedDemoStore Demo { get; private set; } = null!;

    public ForecastModelMetadata Daily { get; private set; } = null!;

    public ForecastModelMetadata Weekly { get; private set; } = null!;

    public TimeSpan TrainingTime { get; private set; }

    public ForecastService Service { get; private set; } = null!;

    public StaffingPlanner Staffing { get; private set; } = null!;

    /// <summary>As the shipped appsettings.json: the Service Desk answers phone and chat live.</summary>
    public StaffingOptions StaffingOptions { get; } = new()
    {
        Queues =
        {
            new QueueSettings { Channel = "phone", HandlingSeconds = 360, Teams = { "Service Desk" } },
            new QueueSettings { Channel = "chat", HandlingSeconds = 480, AnswerSeconds = 30, Teams = { "Service Desk" } },
        },
    };

    public async Task InitializeAsync()
    {
        Demo = await DemoData.StoreAsync();
        var reader = new IncomingSeriesReader(Demo.Connections, new ReferenceStore(Demo.Connections));
        var calendar = new ForecastCalendar(Time, new ReferenceStore(Demo.Connections), Demo.Connections);
        var models = new ForecastModelStore(ModelStore.Connections);
        var trainer = new ForecastTrainer(reader, models, calendar, Microsoft.Extensions.Options.Options.Create(Options),
            new DutchHolidayCalendar(), Time, NullLogger<ForecastTrainer>.Instance);
        var clock = Stopwatch.StartNew();
        var stored = await trainer.RetrainAsync(CancellationToken.None);
        TrainingTime = clock.Elapsed;
        Daily = stored.Single(m => m.Frequency == SeriesFrequency.Daily);
        Weekly = stored.Single(m => m.Frequency == SeriesFrequency.Weekly);
        Service = new ForecastService(reader, models, calendar, Microsoft.Extensions.Options.Options.Create(Options),
            new DutchHolidayCalendar(), Time);
        Staffing = new StaffingPlanner(Service, new WorkloadProfileReader(Demo.Connections, new ReferenceStore(Demo.Connections)), new Analytics.Roster.RosterReader(Demo.Connections, new ReferenceStore(Demo.Connections)),
            Microsoft.Extensions.Options.Options.Create(StaffingOptions), new DutchHolidayCalendar(), Time);
    }

    public Task DisposeAsync()
    {
        ModelStore.Dispose();
        return Task.CompletedTask;
    }
}
