using Quartz;

namespace Worker.Jobs;

/// <summary>One scheduled job: its name for operators, its Quartz key, its settings and what it needs to run.</summary>
public sealed record JobDefinition(
    string Name,
    JobKey Key,
    Type JobType,
    string Setting,
    Func<JobsOptions, JobScheduleOptions> Schedule,
    Type? RequiredService,
    string Description)
{
    public TriggerKey TriggerKey { get; } = new(Key.Name + "-schedule", Key.Group);
}

/// <summary>Every job the worker knows.</summary>
public static class JobCatalog
{
    public const string Group = "analytics";

    public static readonly JobDefinition Sync = new(
        "sync", SyncJob.Key, typeof(SyncJob), nameof(JobsOptions.Sync), o => o.Sync, null,
        "Pull changed tickets from every configured source into the store.");

    public static readonly JobDefinition RetrainForecasts = new(
        "retrain-forecasts", RetrainForecastsJob.Key, typeof(RetrainForecastsJob), nameof(JobsOptions.RetrainForecasts), o => o.RetrainForecasts, typeof(IForecastRetraining),
        "Retrain the forecasting models.");

    public static readonly JobDefinition OverloadCheck = new(
        "overload-check", OverloadCheckJob.Key, typeof(OverloadCheckJob), nameof(JobsOptions.OverloadCheck), o => o.OverloadCheck, typeof(IOverloadCheck),
        "Flag overloaded teams and agents; alert when a flag is new or worse.");

    public static readonly JobDefinition WeeklyReports = new(
        "weekly-reports", WeeklyReportsJob.Key, typeof(WeeklyReportsJob), nameof(JobsOptions.WeeklyReports), o => o.WeeklyReports, typeof(IWeeklyReporting),
        "Produce and mail the weekly reports for the week just ended.");

    public static readonly JobDefinition ImportFolders = new(
        "import-folders", FolderImportJob.Key, typeof(FolderImportJob), nameof(JobsOptions.ImportFolders), o => o.ImportFolders, null,
        "Import the files dropped into the watched folders (Import:Folders).");

    public static IReadOnlyList<JobDefinition> All { get; } = [Sync, RetrainForecasts, OverloadCheck, WeeklyReports, ImportFolders];

    public static JobDefinition? Find(string name) =>
        All.FirstOrDefault(j => string.Equals(j.Name, name, StringComparison.OrdinalIgnoreCase));
}
