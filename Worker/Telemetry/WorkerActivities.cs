using System.Diagnostics;

namespace Worker.Telemetry;

/// <summary>
/// The worker's spans: a report run and each report in it, each mail send. Jobs are spanned by Quartz itself
/// (<see cref="Quartz.Diagnostics.QuartzInstrumentation.ActivitySourceName"/>) and source syncs by
/// <see cref="Analytics.Import.Sources.TicketSync.ActivitySourceName"/>; the worker's spans nest inside the job's.
/// </summary>
public static class WorkerActivities
{
    public const string SourceName = "Analytics.Worker";

    public static readonly ActivitySource Source = new(SourceName);
}
