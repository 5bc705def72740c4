using Analytics.Import.Folders;
using Quartz;

namespace Worker.Jobs;

/// <summary>Every minute by default: imports the files dropped into the watched folders. The work is <see cref="FolderImport.RunAsync"/>.</summary>
[DisallowConcurrentExecution]
public sealed class FolderImportJob(FolderImport folders) : IJob
{
    public static readonly JobKey Key = new("import-folders", JobCatalog.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) =>
        await folders.RunAsync(cancellationToken);
}
