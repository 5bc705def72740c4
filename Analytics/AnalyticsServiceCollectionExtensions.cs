using Analytics.Calendar;
using Analytics.Demo;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Import;
using Analytics.Import.EventLog;
using Analytics.Privacy;
using Analytics.Quality;
using Analytics.Recognition;
using Analytics.Import.Sources;
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
        services.AddFiguresClock();
        services.AddOptions<StoreOptions>().ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IDbConnectionFactory>(sp => DbConnectionFactory.Create(sp.GetRequiredService<IOptions<StoreOptions>>().Value));
        services.TryAddSingleton<TicketStore>();
        services.TryAddSingleton<ReferenceStore>();
        services.TryAddSingleton<Roster.RosterReader>();
        services.TryAddSingleton<Roster.RosterImporter>();
        services.TryAddSingleton<Roster.RosterSync>();
        services.TryAddSingleton<ActivityStore>();
        services.TryAddSingleton<ImportLedger>();
        services.TryAddSingleton<ImportProfiles>();
        services.TryAddSingleton<EventLogImporter>();
        services.TryAddSingleton<CsvImporter>();
        services.TryAddSingleton<SourceEraser>();

        services.AddOptions<ImportSettings>().BindConfiguration(ImportSettings.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ImportSettings>, ImportSettingsValidator>());
        services.AddOptions<HolidayOptions>().BindConfiguration(HolidayOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HolidayOptions>, HolidayOptionsValidator>());
        services.AddOptions<WorkloadOptions>().BindConfiguration(WorkloadOptions.Section).ValidateDataAnnotations().Validate(o => IsTimeZone(o.TimeZone), "Workload:TimeZone is not a known time zone (an IANA id such as Europe/Amsterdam).").ValidateOnStart();
        services.AddOptions<OverloadOptions>().BindConfiguration(OverloadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<InvisibleWorkOptions>().BindConfiguration(InvisibleWorkOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InvisibleWorkOptions>, InvisibleWorkOptionsValidator>());
        services.TryAddSingleton(sp => HolidayCalendars.Create(sp.GetRequiredService<IOptions<HolidayOptions>>().Value));
        services.TryAddSingleton<WorkloadCalculator>();
        services.TryAddSingleton<OverloadDetector>();
        services.TryAddSingleton<WorkClassifier>();
        services.TryAddSingleton<WorkLedgerCalculator>();
        services.TryAddSingleton<RecognitionCalculator>();
        services.TryAddSingleton<IncomingPatternCalculator>();
        services.TryAddSingleton<DataQualityCalculator>();
        services.AddOptions<SyncOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>());
        services.TryAddSingleton<SyncStateStore>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Import.Api.ITicketApiConnector, Import.Api.Jira.JiraConnector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Import.Api.ITicketApiConnector, Import.Api.ServiceNow.ServiceNowConnector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Import.Api.ITicketApiConnector, Import.Api.Topdesk.TopdeskConnector>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Import.Api.ITicketApiConnector, Import.Api.Zendesk.ZendeskConnector>());
        services.TryAddSingleton<Import.Api.ApiConnectors>();
        services.TryAddSingleton<Import.Api.ApiSourcePreview>();
        services.TryAddSingleton<TicketSync>();
        services.TryAddSingleton<DemoDataGenerator>();
        services.TryAddSingleton<DemoDataLoader>();
        services.AddOptions<ForecastOptions>().BindConfiguration(ForecastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IncomingSeriesReader>();
        services.TryAddSingleton<ForecastModelStore>();
        services.TryAddSingleton<ForecastCalendar>();
        services.TryAddSingleton<ForecastTrainer>();
        services.TryAddSingleton<ForecastService>();
        services.AddOptions<StaffingOptions>().BindConfiguration(StaffingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<WorkloadProfileReader>();
        services.TryAddSingleton<StaffingPlanner>();
        services.TryAddSingleton<ICapacityOutlook, CapacityOutlookProvider>();
        return services;
    }

    private static bool IsTimeZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}
