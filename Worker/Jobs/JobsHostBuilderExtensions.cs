using Analytics.Calendar;
using Analytics.Import;
using Analytics.Import.Folders;
using Analytics.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Worker.Jobs;

/// <summary>Quartz with a persistent job store, the jobs and their schedule.</summary>
public static class JobsHostBuilderExtensions
{
    /// <summary>
    /// Adds the scheduler and the jobs. A job that calls an application service (<see cref="IForecastRetraining"/>,
    /// <see cref="IOverloadCheck"/>, <see cref="IWeeklyReporting"/>) is scheduled only when that service is
    /// registered, whenever it is registered: the check is made at start.
    /// </summary>
    public static IHostApplicationBuilder AddWorkerJobs(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>());
        services.TryAddSingleton<JobRunLog>();
        services.TryAddSingleton<SyncService>();
        services.TryAddSingleton<ImportedFiles>();
        services.TryAddSingleton<FolderImport>();

        // No folder, no job: a run every minute that looks at nothing would only fill the job log.
        services.AddOptions<JobsOptions>().PostConfigure<IConfiguration>((jobs, configuration) =>
        {
            if (!configuration.GetSection($"{ImportSettings.Section}:{nameof(ImportSettings.Folders)}").GetChildren().Any())
            {
                jobs.ImportFolders.Enabled = false;
                jobs.ImportFolders.OffBecause = $"{ImportSettings.Section}:{nameof(ImportSettings.Folders)} names no folder";
            }
        });

        // Quartz is configured when the host is composed, before options validation can run; a bad setting here
        // is reported by the validator at start (ValidateOnStart runs before any hosted service builds the scheduler).
        var jobs = ReadEarly(builder);
        var asOf = jobs.AsOf is { } text && AsOfClock.TryParse(text, builder.Configuration["Workload:TimeZone"] ?? "Europe/Amsterdam", out var clock) ? clock : null;
        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "analytics-worker";
                if (string.Equals(jobs.Store.InstanceId, "AUTO", StringComparison.OrdinalIgnoreCase))
                {
                    scheduler.GenerateInstanceId = jobs.Store.Clustered;
                }
                else
                {
                    scheduler.InstanceId = jobs.Store.InstanceId;
                }
            });
            quartz.UsePersistentStore(store =>
            {
                var connectionString = string.IsNullOrWhiteSpace(jobs.Store.ConnectionString) ? "Data Source=:memory:" : jobs.Store.ConnectionString;
                switch (jobs.Store.Provider)
                {
                    case StoreProvider.Postgres:
                        store.UsePostgres(connectionString);
                        break;
                    case StoreProvider.SqlServer:
                        store.UseSqlServer(connectionString);
                        break;
                    default:
                        store.UseSqlite(connectionString);
                        break;
                }

                store.ProvisionSchema();
                store.ConfigureStore(o =>
                {
                    o.TablePrefix = jobs.Store.TablePrefix;
                    // The misfire scan also runs this often: a recovered fire older than the threshold waits for it.
                    o.MisfireThreshold = jobs.Store.MisfireThreshold;
                });
                if (jobs.Store.Clustered)
                {
                    store.UseClustering(c =>
                    {
                        c.CheckinInterval = jobs.Store.CheckinInterval;
                        c.CheckinMisfireThreshold = jobs.Store.CheckinMisfireThreshold;
                    });
                }
            });
            quartz.AddJobMiddleware<JobRunMiddleware>();
            quartz.AddTriggerListener<MissedFireCoalescer>([GroupMatcher<TriggerKey>.GroupEquals(JobCatalog.Group)]);
        });

        // Registered before Quartz's hosted service, so the schedule is in the store when the scheduler starts,
        // and the departure runs after the scheduler has stopped (hosted services stop in reverse order).
        services.AddHostedService<JobScheduleInstaller>();
        services.AddHostedService<ClusterDeparture>();
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        if (asOf is not null)
        {
            // Only the figures stand still; the scheduler, the outbox and the logs keep real time.
            services.UseAsOf(asOf);
        }

        return builder;
    }

    private static JobsOptions ReadEarly(IHostApplicationBuilder builder)
    {
        try
        {
            return builder.Configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        }
        catch (InvalidOperationException)
        {
            // A value of the wrong type: binding the options at start reports it, naming the setting.
            return new JobsOptions();
        }
    }
}
