using System.Net;
using System.Net.Sockets;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// The executable as systemd or an operator starts it, its settings in environment variables: a bad setting is
/// the process's only line of output and exit code 3 (which the documented unit does not restart).
/// </summary>
public sealed class BadSettingProcessTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Run_UnreachableStore_ExitsThreeWithOneLine()
    {
        var settings = Settings();
        settings["Store:Provider"] = "Postgres";
        settings["Store:ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort()};Timeout=3;Username=worker;Password=secret-pw";

        var output = await RunAsync(settings, "run");

        Assert.StartsWith("worker: configuration error: Store:ConnectionString: the store (Postgres) cannot be opened: Failed to connect to 127.0.0.1:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnreachableJobStore_ExitsThreeWithOneLine()
    {
        var settings = Settings();
        settings["Jobs:Store:Provider"] = "Postgres";
        settings["Jobs:Store:ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort()};Timeout=3";

        // No command: as the service manager starts it.
        var output = await RunAsync(settings);

        Assert.StartsWith("worker: configuration error: Jobs:Store:ConnectionString: the job store (Postgres) cannot be opened", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnwritableSqlitePath_ExitsThreeWithOneLine()
    {
        var file = _folder.File("a-file");
        await File.WriteAllTextAsync(file, "in the way");
        var settings = Settings();
        settings["Store:ConnectionString"] = $"Data Source={Path.Combine(file, "analytics.db")}";

        var output = await RunAsync(settings, "run");

        Assert.StartsWith($"worker: configuration error: Store:ConnectionString: the folder '{file}' cannot be created", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadConnectionStringKeyword_ExitsThreeWithOneLine()
    {
        var settings = Settings();
        settings["Store:ConnectionString"] = $"Data Source={_folder.File("s.db")};Foo=1";

        var output = await RunAsync(settings, "import", _folder.File("absent.csv"), "--profile", "servicenow");

        Assert.Equal("import: configuration error: Store:ConnectionString: cannot be read: keyword 'foo' is not supported.", output);
    }

    [Fact]
    public async Task Metrics_MalformedAppsettings_ExitsThreeWithOneLineNamingTheFile()
    {
        // appsettings.{Environment}.json beside the executable, read as appsettings.json is.
        var environment = "Broken" + Guid.NewGuid().ToString("N")[..8];
        var file = Path.Combine(AppContext.BaseDirectory, $"appsettings.{environment}.json");
        await File.WriteAllTextAsync(file, "{\n  \"Store\": {\n    \"Provider\": Sqlite\n  }\n}\n");
        try
        {
            var settings = Settings();
            settings["DOTNET_ENVIRONMENT"] = environment;

            var output = await RunAsync(settings, "metrics");

            Assert.StartsWith($"metrics: configuration error: {file}: not valid JSON at line 3, position 17: 'S' is an invalid start of a value.", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private Dictionary<string, string> Settings() =>
        TestSettings.Embedded(_folder.Path).Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);

    /// <summary>The process's whole output, asserted to be one line after exit code 3.</summary>
    private async Task<string> RunAsync(Dictionary<string, string> settings, params string[] args)
    {
        await using var worker = WorkerProcess.Start(_folder.Path, settings, args);
        var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        var lines = worker.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == ConfigurationErrors.ExitCode && lines.Length == 1, $"exit {exit}, output:\n{worker.Output}");
        Assert.DoesNotContain("secret-pw", worker.Output, StringComparison.Ordinal);
        return lines[0];
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => _folder.Dispose();
}
