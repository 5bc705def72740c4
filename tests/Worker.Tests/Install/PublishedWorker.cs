using System.Diagnostics;
using System.Reflection;

namespace Worker.Tests.Install;

/// <summary>
/// The worker as the install docs publish it: <c>dotnet publish Worker -r linux-x64 --self-contained</c> into a temp
/// folder, once for the tests that use it. Built in the configuration these tests were built in, so the libraries'
/// builds are reused and only the worker is compiled for the platform; restored with the solution
/// (Worker.csproj restores linux-x64 and win-x64), so no restore of its own.
/// </summary>
public sealed class PublishedWorker : IDisposable
{
    /// <summary>Self-contained, one platform: the size the issue asks for.</summary>
    public const long TargetBytes = 150L * 1024 * 1024;

    public PublishedWorker()
    {
        Folder = Path.Combine(Path.GetTempPath(), "worker-tests", "published-" + Guid.NewGuid().ToString("N"));
        var configuration = typeof(PublishedWorker).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var start = new ProcessStartInfo(Dotnet())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
        {
            "publish", Path.Combine(RepositoryRoot, "Worker", "Worker.csproj"), "-c", configuration, "-r", "linux-x64", "--self-contained",
            "--no-restore", "-o", Folder, "-nologo", "-nodeReuse:false",
        })
        {
            start.ArgumentList.Add(arg);
        }

        // Started under "dotnet test", the test host carries the parent build's MSBuild variables (MSBuildSDKsPath,
        // MSBUILD_EXE_PATH, ...); the publish is a build of its own.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish did not finish within 8 minutes.");
        }

        Took = clock.Elapsed;
        PublishOutput = output.Result + error.Result;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({process.ExitCode}):\n{PublishOutput}");
        }
    }

    public string Folder { get; }

    public string Executable => Path.Combine(Folder, "analytics-worker");

    public TimeSpan Took { get; }

    public string PublishOutput { get; }

    public static string RepositoryRoot
    {
        get
        {
            for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Analytics.sln")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException($"No Analytics.sln above {AppContext.BaseDirectory}.");
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; the OS temp cleaner takes it.
        }
    }

    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
