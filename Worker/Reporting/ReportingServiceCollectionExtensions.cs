using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Reports;

namespace Worker.Reporting;

/// <summary>Registers report production: the reports themselves and the builder that feeds them from the analytics.</summary>
public static class ReportingServiceCollectionExtensions
{
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        services.AddReports();
        services.TryAddSingleton<ReportModelBuilder>();
        services.TryAddSingleton<ReportProduction>();
        return services;
    }
}
