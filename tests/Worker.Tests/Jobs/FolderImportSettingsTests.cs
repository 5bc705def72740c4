using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Worker.Cli;
using Worker.Tests.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Jobs;

/// <summary>Import:Folders as the worker reads it: a bad folder setting stops it naming the setting; no folder, no job.</summary>
public sealed class FolderImportSettingsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task RunCommand_FolderWithAnUnknownProfile_ExitsNamingTheSettingAndNoStackTrace()
    {
        var settings = FolderImportWorker.Settings(_folder.Path, [_folder.File("inbox")]);
        settings["Import:Folders:0:Profile"] = "remedy";
        settings["Import:Folders:0:Encoding"] = "ebcdic";

        await using var worker = WorkerProcess.Start(_folder.Path, settings, "run");
        var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ConfigurationErrors.ExitCode, exit);
        Assert.Contains("Import:Folders:0:Profile: 'remedy' is not a profile", worker.Output, StringComparison.Ordinal);
        Assert.Contains("Import:Folders:0:Encoding: 'ebcdic' must be utf-8 or windows-1252.", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoFolderConfigured_TheJobIsOff_AndTheHostSaysWhy()
    {
        var log = new RecordedLog();
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Logging:LogLevel:Worker.Jobs"] = "Information";
        using var host = TestSettings.BuildHost(settings, services => services.AddSingleton<ILoggerProvider>(log));
        await host.StartAsync();
        await host.StopAsync();

        Assert.Contains(log.Entries, e => e.Message == "Job 'import-folders' is off: Import:Folders names no folder.");
    }

    public void Dispose() => _folder.Dispose();
}
