using Analytics.Calendar;
using Microsoft.Extensions.Options;
using Quartz;

namespace Worker.Jobs;

/// <summary>Monday 07:00 by default: the weekly reports for the week that ended before the scheduled fire time.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyReportsJob(IWeeklyReporting reporting, IOptions<JobsOptions> options, TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("weekly-reports", JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // The scheduled time, not the time it runs: a missed Monday run late on Tuesday still reports last week.
        var at = context.ScheduledFireTimeUtc ?? time.GetUtcNow();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.WeeklyReports.TimeZone);
        await reporting.RunAsync(WeekBefore(at, zone), cancellationToken);
    }

    /// <summary>The last complete ISO week before <paramref name="instant"/>, in <paramref name="zone"/>.</summary>
    public static IsoWeek WeekBefore(DateTimeOffset instant, TimeZoneInfo zone)
    {
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
        return IsoWeek.Of(local).Previous();
    }
}
