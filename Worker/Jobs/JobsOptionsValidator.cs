using Analytics.Calendar;
using Analytics.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace Worker.Jobs;

/// <summary>Checks the job settings at start: each failure names the setting, as the operator writes it.</summary>
public sealed class JobsOptionsValidator : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        foreach (var job in JobCatalog.All)
        {
            Check(job.Schedule(options), $"{JobsOptions.Section}:{job.Setting}", failures);
        }

        if (options.AsOf is { } asOf && !AsOfClock.TryParse(asOf, "UTC", out _))
        {
            failures.Add($"{JobsOptions.Section}:AsOf: '{asOf}' is not {AsOfClock.Forms}.");
        }

        var store = options.Store;
        var path = $"{JobsOptions.Section}:Store";
        if (string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            failures.Add($"{path}:ConnectionString is required.");
        }

        if (store.Clustered && store.Provider == StoreProvider.Sqlite)
        {
            failures.Add($"{path}:Clustered: a SQLite job store belongs to one worker; use Postgres or SqlServer for a cluster.");
        }

        if (string.IsNullOrWhiteSpace(store.InstanceId))
        {
            failures.Add($"{path}:InstanceId is required (AUTO derives one).");
        }

        if (store.CheckinInterval < TimeSpan.FromMilliseconds(200))
        {
            failures.Add($"{path}:CheckinInterval: '{store.CheckinInterval}' is shorter than 0.2 seconds.");
        }

        if (store.CheckinMisfireThreshold < TimeSpan.FromMilliseconds(200))
        {
            failures.Add($"{path}:CheckinMisfireThreshold: '{store.CheckinMisfireThreshold}' is shorter than 0.2 seconds.");
        }

        if (store.MisfireThreshold < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{path}:MisfireThreshold: '{store.MisfireThreshold}' is shorter than 1 second.");
        }

        if (string.IsNullOrWhiteSpace(store.TablePrefix) || !store.TablePrefix.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            failures.Add($"{path}:TablePrefix: '{store.TablePrefix}' must be letters, digits and underscores.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(JobScheduleOptions schedule, string path, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(schedule.Cron))
        {
            failures.Add($"{path}:Cron is required.");
        }
        else
        {
            try
            {
                CronExpression.Parse(schedule.Cron);
            }
            catch (FormatException ex)
            {
                failures.Add($"{path}:Cron: '{schedule.Cron}' is not a valid cron expression ({ex.Message}).");
            }
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone ?? string.Empty, out _))
        {
            failures.Add($"{path}:TimeZone: '{schedule.TimeZone}' is not a known time zone.");
        }
    }
}
