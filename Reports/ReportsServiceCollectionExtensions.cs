using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reports.Documents;
using Reports.Layout;

namespace Reports;

/// <summary>Registers the report font and the report renderer.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds the reports. The font comes from section "Reports" ("Reports:Font:Family", default DejaVu Sans).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ReportFontOptions>().BindConfiguration("Reports:Font");
        services.TryAddSingleton(sp => ReportFonts.Load(sp.GetRequiredService<IOptions<ReportFontOptions>>().Value, sp.GetService<ILoggerFactory>()?.CreateLogger("Reports")));
        services.TryAddSingleton<ReportRenderer>();
        return services;
    }
}
