using Analytics.Calendar;
using Microsoft.Extensions.Options;
using Quartz;
using Microsoft.Extensions.DependencyInjection;

namespace Worker.Jobs;

/// <summary>Monday 07:00 by default: the weekly reports for the last complete week.</summary>
[DisallowConcurrentExecution]
public sealed class WeeklyReportsJob(IWeeklyReporting reporting, IOptions<JobsOptions> options, [FromKeyedServices(FiguresClock.Key)] TimeProvider time) : IJob
{
    public static readonly JobKey Key = new("weekly-reports", JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
    {
        // The time it actually fires: after an outage over several Mondays, the one catch-up run reports the
        // latest complete week, not the week of the first Monday missed (which Quartz keeps as the scheduled time).
        // On an as-of clock (Jobs:AsOf) the week is the one before the as-of moment, whenever the job fires.
        var at = time is AsOfClock || context.FireTimeUtc == default ? time.GetUtcNow() : context.FireTimeUtc;
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
