using Analytics.Calendar;
using Analytics.Demo;
using Analytics.Forecasting;
using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Worker.Hosting;
using Worker.Jobs;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary>
/// The worker with its report services over a SQLite store holding 20 weeks of the demo department,
/// forecasts trained, on a clock set to the Monday morning after the last week.
/// </summary>
internal sealed class ReportingHarness : IDisposable
{
    public static readonly IsoWeek Week = new(2026, 47);

    private readonly IHost _host;

    private ReportingHarness(IHost host, DemoDataSet data)
    {
        _host = host;
        Data = data;
    }

    public DemoDataSet Data { get; }

    public static Task<ReportingHarness> StartAsync(IReadOnlyDictionary<string, string?> settings) => StartAsync(settings, 20, data => data, train: true);

    /// <summary>
    /// The demo department over <paramref name="weeks"/> weeks, reshaped before it is loaded (other team names, say);
    /// without <paramref name="train"/> the reports say no forecast is available, which saves the training time.
    /// </summary>
    public static async Task<ReportingHarness> StartAsync(IReadOnlyDictionary<string, string?> settings, int weeks, Func<DemoDataSet, DemoDataSet> reshape, bool train)
    {
        ArgumentNullException.ThrowIfNull(reshape);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
        var host = TestSettings.BuildHost(settings, services => services.AddSingleton<TimeProvider>(clock), withReporting: true);
        StoreMigration.Prepare(host.Services.GetRequiredService<IOptions<StoreOptions>>().Value, host.Services.GetRequiredService<IOptions<JobsOptions>>().Value);
        var data = reshape(host.Services.GetRequiredService<DemoDataGenerator>().Generate(new DemoOptions { Seed = 5, LastDay = Week.Sunday, Weeks = weeks }));
        await host.Services.GetRequiredService<DemoDataLoader>().LoadAsync(data, "demo", null, CancellationToken.None);
        if (train)
        {
            await host.Services.GetRequiredService<ForecastTrainer>().RetrainAsync(CancellationToken.None);
        }

        return new ReportingHarness(host, data);
    }

    public T Service<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    public void Dispose() => _host.Dispose();
}
