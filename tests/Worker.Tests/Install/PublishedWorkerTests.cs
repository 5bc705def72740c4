using Xunit.Abstractions;
using Worker.Tests.Support;

namespace Worker.Tests.Install;

/// <summary>The published worker, run as the install docs run it: from its own folder, settings outside it.</summary>
[Collection(PublishedWorkerDefinition.Name)]
public sealed class PublishedWorkerTests(PublishedWorker published, ITestOutputHelper output) : IDisposable
{
    private readonly TempDirectory _work = new();
    private readonly TempDirectory _settings = new();

    [Fact]
    public void Publish_LinuxX64_HasOnlyLinuxNativeFiles_AndIsUnderTheTarget()
    {
        output.WriteLine($"dotnet publish -r linux-x64 --self-contained: {published.Took.TotalSeconds:F1} s");
        var files = Directory.GetFiles(published.Folder, "*", SearchOption.AllDirectories);
        var bytes = files.Sum(f => new FileInfo(f).Length);
        output.WriteLine($"{files.Length} files, {bytes / 1024.0 / 1024.0:F1} MB");

        Assert.False(Directory.Exists(Path.Combine(published.Folder, "runtimes")), "runtimes/ holds other platforms' native files");
        Assert.True(File.Exists(Path.Combine(published.Folder, "libSkiaSharp.so")));
        Assert.True(File.Exists(Path.Combine(published.Folder, "libe_sqlite3.so")));
        Assert.DoesNotContain(files, f => Path.GetExtension(f) is ".dylib" or ".dbg" || Path.GetFileName(f) is "libSkiaSharp.dll" or "e_sqlite3.dll" or "libSkiaSharp.pdb");
        Assert.True(bytes < PublishedWorker.TargetBytes, $"{bytes:N0} bytes published, the target is under {PublishedWorker.TargetBytes:N0}");
    }

    [Fact]
    public async Task Demo_FromThePublishedBinary_WritesReportsAndMailWhereTheConfigFileSays()
    {
        var reports = Path.Combine(_settings.Path, "reports");
        var mail = Path.Combine(_settings.Path, "mail");
        var config = _settings.File("appsettings.json");
        await File.WriteAllTextAsync(config, $$"""
            { "Reporting": { "OutputFolder": "{{reports}}" }, "Delivery": { "PickupFolder": "{{mail}}" } }
            """);

        using var demo = PublishedProcess.Start(published.Executable, _work.Path, null, "demo", "--last-day", "2026-11-22", "--config", config);
        var exit = await demo.WaitForExitAsync(TimeSpan.FromMinutes(6));

        Assert.True(exit == 0, demo.Output);
        Assert.Equal(21, Directory.GetFiles(Path.Combine(reports, "2026-W47"), "*.pdf").Length);
        Assert.Equal(21, Directory.GetFiles(mail, "*.eml").Length);

        // The store stays relative to the working folder (the appsettings.json beside the executable); reports and mail moved.
        Assert.True(File.Exists(Path.Combine(_work.Path, "out", "analytics.db")));
        Assert.False(Directory.Exists(Path.Combine(_work.Path, "out", "reports")));
        Assert.False(Directory.Exists(Path.Combine(_work.Path, "out", "mail")));
    }

    [Fact]
    public async Task PublishedBinary_MissingConfigFile_IsOneLine_Exit3()
    {
        var missing = _settings.File("absent.json");

        using var worker = PublishedProcess.Start(published.Executable, _work.Path, null, "--config", missing);
        var exit = await worker.WaitForExitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(3, exit);
        Assert.Equal(
            $"worker: configuration error: --config: the settings file cannot be read: Could not find file '{missing}'.",
            worker.Output.Trim());
    }

    public void Dispose()
    {
        _work.Dispose();
        _settings.Dispose();
    }
}
