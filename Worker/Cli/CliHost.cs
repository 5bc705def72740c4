using Analytics;
using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Worker.Cli;

/// <summary>
/// The host a CLI command runs in: same configuration sources and services as the worker, with the
/// store migrated before the command starts.
/// </summary>
public static class CliHost
{
    public static IHost Build(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            DisableDefaults = false,
        });

        // Relative paths in settings (the SQLite file, the output folder) are relative to where the operator runs the command.
        builder.Configuration.SetBasePath(AppContext.BaseDirectory);
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
        builder.Services.AddOptions<ForecastOptions>().BindConfiguration(ForecastOptions.Section);
        builder.Services.AddOptions<StaffingOptions>().BindConfiguration(StaffingOptions.Section);
        builder.Services.AddOptions<HolidayOptions>().BindConfiguration(HolidayOptions.Section);
        builder.Services.AddAnalytics();
        var host = builder.Build();

        var store = host.Services.GetRequiredService<IOptions<StoreOptions>>().Value;
        EnsureSqliteFolder(store);
        SchemaMigrator.Migrate(store);
        return host;
    }

    private static void EnsureSqliteFolder(StoreOptions store)
    {
        if (store.Provider != StoreProvider.Sqlite)
        {
            return;
        }

        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(store.ConnectionString);
        var folder = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}
