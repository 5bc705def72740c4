using Analytics.Demo;
using Analytics.Import;
using Analytics.Import.Sources;
using Analytics.Storage;
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
        services.AddOptions<SyncOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton<SyncStateStore>();
        services.TryAddSingleton<TicketSync>();
        services.TryAddSingleton<DemoDataGenerator>();
        services.TryAddSingleton<DemoDataLoader>();
        return services;
    }
}
