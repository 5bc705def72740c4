using Analytics.Calendar;
using Analytics.Demo;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Import;
using Analytics.Storage;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Analytics;

/// <summary>Registers the store, the import and the computations of this library.</summary>
public static class AnalyticsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the analytics services. Store options come from the "Store" section when the host binds it
    /// (<c>services.AddOptions&lt;StoreOptions&gt;().BindConfiguration(...)</c>); validated at start.
    /// </summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<StoreOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IDbConnectionFactory>(sp => DbConnectionFactory.Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.TryAddSingleton<TicketStore>();
        services.TryAddSingleton<ReferenceStore>();
        services.TryAddSingleton<ActivityStore>();
        services.TryAddSingleton<ImportLedger>();
        services.TryAddSingleton<ImportProfiles>();
        services.TryAddSingleton<CsvImporter>();
        services.TryAddSingleton<SourceEraser>();
        services.TryAddSingleton<DemoDataGenerator>();
        services.TryAddSingleton<DemoDataLoader>();
        services.AddOptions<HolidayOptions>();
        services.AddOptions<ForecastOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IncomingSeriesReader>();
        services.TryAddSingleton<ForecastModelStore>();
        services.TryAddSingleton<ForecastCalendar>();
        services.TryAddSingleton<ForecastTrainer>();
        services.TryAddSingleton<ForecastService>();
        services.AddOptions<StaffingOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<WorkloadProfileReader>();
        services.TryAddSingleton<StaffingPlanner>();
        services.TryAddSingleton<ICapacityOutlook, CapacityOutlookProvider>();
        return services;
    }
}
