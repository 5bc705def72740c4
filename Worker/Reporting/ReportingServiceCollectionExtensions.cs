using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Reports;
using Worker.Forecasting;
using Worker.Jobs;

namespace Worker.Reporting;

/// <summary>
/// Registers report production and the job services that use it: weekly reports with their mail,
/// the overload alerts, forecast retraining, and the forecasts the reports show.
/// </summary>
public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddReports();
        services.AddOptions<ReportingOptions>().BindConfiguration(ReportingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReportingOptions>, ReportingOptionsValidator>());
        services.TryAddSingleton<ReportLanguages>();
        services.TryAddSingleton<ReportModelBuilder>();
        services.TryAddSingleton<ReportMetrics>();
        services.TryAddSingleton<ReportProduction>();
        services.TryAddSingleton<ReportRecipients>();
        services.TryAddSingleton<WeeklyReporting>();
        services.TryAddSingleton<IWeeklyReporting>(sp => sp.GetRequiredService<WeeklyReporting>());
        services.TryAddSingleton<OverloadAlerts>();
        services.TryAddSingleton<IOverloadCheck>(sp => sp.GetRequiredService<OverloadAlerts>());
        services.TryAddSingleton<IForecastRetraining, ForecastRetraining>();
        return services;
    }
}
