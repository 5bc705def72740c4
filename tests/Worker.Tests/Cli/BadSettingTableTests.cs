using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// Every command, each given the same bad settings: one line on standard error that names the setting and the
/// cause, no stack trace, exit 3. The settings are laid over the environment's as the last configuration
/// source, as an operator's appsettings.json or environment variable would set them.
/// </summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class BadSettingTableTests : IDisposable
{
    private static readonly TempDirectory Folder = new();

    // A loopback port nobody listens on: PostgreSQL is refused at once, without waiting for a timeout.
    private static readonly int ClosedPort = FindClosedPort();

    private readonly string _faults = Path.Combine(Folder.Path, "faults");

    public BadSettingTableTests()
    {
        Environment.SetEnvironmentVariable(FaultReport.FolderVariable, _faults);
    }

    /// <summary>Every command an operator runs, with arguments that would otherwise be accepted.</summary>
    public static readonly string[][] Commands =
    [
        ["import", Path.Combine(Folder.Path, "export.csv"), "--profile", "servicenow"],
        ["demo"],
        ["report", "weekly"],
        ["metrics"],
        ["overload"],
        ["forecast", "--team", "department"],
        ["staffing"],
        ["roster", "show"],
        ["roster", "import", Path.Combine(Folder.Path, "teams.csv")],
        ["sync"],
        ["jobs", "list"],
        ["jobs", "trigger", "sync"],
        ["mail", "list"],
        ["run"],
    ];

    /// <summary>Name of the case, the settings that make it, and what the one line must say.</summary>
    public static readonly (string Case, Dictionary<string, string?> Settings, string Expected)[] Settings =
    [
        ("connection-string keyword",
            new() { ["Store:ConnectionString"] = $"Data Source={Folder.File("s.db")};Foo=1" },
            "Store:ConnectionString: cannot be read: keyword 'foo' is not supported."),
        ("SQLite folder under a file",
            new() { ["Store:ConnectionString"] = $"Data Source={Path.Combine(PlainFile(), "s.db")}" },
            $"Store:ConnectionString: the folder '{PlainFile()}' cannot be created"),
        ("SQLite path is a folder",
            new() { ["Store:ConnectionString"] = $"Data Source={Folder.Path}" },
            $"Store:ConnectionString: the store '{Folder.Path}' cannot be opened (it must be a file this user can create and write): SQLite Error 14"),
        ("PostgreSQL store unreachable",
            new() { ["Store:Provider"] = "Postgres", ["Store:ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort};Timeout=3;Username=worker;Password=secret-pw" },
            $"Store:ConnectionString: the store (Postgres) cannot be opened: Failed to connect to 127.0.0.1:{ClosedPort}"),
        ("unknown store provider",
            new() { ["Store:Provider"] = "Oracle" },
            "Store:Provider: 'Oracle' is not one of Sqlite, Postgres, SqlServer."),
        ("job store keyword",
            new() { ["Jobs:Store:ConnectionString"] = $"Data Source={Folder.File("q.db")};Cache Size=big" },
            "Jobs:Store:ConnectionString: cannot be read: keyword 'cache size' is not supported."),
        ("unknown time zone",
            new() { ["Workload:TimeZone"] = "Europe/Amsterdan" },
            "Workload:TimeZone is not a known time zone"),
        ("missing time zone",
            new() { ["Jobs:Sync:TimeZone"] = "" },
            "Jobs:Sync:TimeZone: '' is not a known time zone."),
        ("bad Delivery settings",
            new() { ["Delivery:Transport"] = "Smtp" },
            "Delivery:Smtp:Host is required when Delivery:Transport is Smtp."),
        ("value of the wrong type",
            new() { ["Delivery:Smtp:Port"] = "submission" },
            "Delivery:Smtp:Port: 'submission' is not a whole number."),
        ("malformed settings JSON",
            new() { [MalformedJson] = Folder.File("appsettings.Broken.json") },
            "appsettings.Broken.json: not valid JSON at line 3, position 17: 'S' is an invalid start of a value."),
    ];

    /// <summary>Not a setting: tells the compose function below to add a settings file that is not JSON.</summary>
    private const string MalformedJson = "test:malformed-json";

    public static TheoryData<int, int> Table()
    {
        var data = new TheoryData<int, int>();
        for (var c = 0; c < Commands.Length; c++)
        {
            for (var s = 0; s < Settings.Length; s++)
            {
                data.Add(c, s);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Command_WithBadSetting_PrintsOneLineNamingItAndExitsThree(int command, int setting)
    {
        var args = Commands[command];
        var (name, settings, expected) = Settings[setting];

        var (exit, output, error) = await RunAsync(settings, args);

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var because = $"{string.Join(' ', args)} with {name}: exit {exit}, stderr:\n{error}\nstdout:\n{output}";
        Assert.True(lines.Length == 1, because);
        Assert.True(exit == ConfigurationErrors.ExitCode, because);
        Assert.Contains(": configuration error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expected, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", error + output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_faults) && Directory.EnumerateFiles(_faults).Any(), "A bad setting is no unexpected fault: no fault file is written.");
    }

    [Theory]
    [InlineData("run")]
    [InlineData("jobs", "list")]
    [InlineData("jobs", "trigger", "sync")]
    public async Task JobStoreUser_WithUnreachableJobStore_PrintsOneLineAndExitsThree(params string[] args)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Store:Provider"] = "Postgres",
            ["Jobs:Store:ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort};Timeout=3;Username=quartz;Password=secret-pw",
        };

        var (exit, output, error) = await RunAsync(settings, args);

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == ConfigurationErrors.ExitCode && lines.Length == 1, $"exit {exit}, stderr:\n{error}\nstdout:\n{output}");
        Assert.Contains($"configuration error: Jobs:Store:ConnectionString: the job store (Postgres) cannot be opened: Failed to connect to 127.0.0.1:{ClosedPort}", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", error + output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Delivery:PickupFolder")]
    [InlineData("Reporting:OutputFolder")]
    public async Task Run_WithOutputFolderThatCannotBeCreated_PrintsOneLineAndExitsThree(string setting)
    {
        // Found at start, not when Monday's reports are written.
        var folder = Path.Combine(PlainFile(), "out");

        var (exit, output, error) = await RunAsync(new() { [setting] = folder }, ["run"]);

        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == ConfigurationErrors.ExitCode && lines.Length == 1, $"exit {exit}, stderr:\n{error}\nstdout:\n{output}");
        Assert.StartsWith($"worker: configuration error: {setting}: the folder '{folder}' cannot be created: ", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_WithUnreachableJobStore_StillImports()
    {
        // A one-off import never touches the scheduler's database: an outage there does not stop it.
        var settings = new Dictionary<string, string?>
        {
            ["Jobs:Store:Provider"] = "Postgres",
            ["Jobs:Store:ConnectionString"] = $"Host=127.0.0.1;Port={ClosedPort};Timeout=3",
        };

        var (exit, _, error) = await RunAsync(settings, Commands[0]);

        Assert.True(exit == 0, error);
    }

    [Fact]
    public async Task UnexpectedFault_IsOneLineNamingTheFaultFile_WhichHoldsTheStackTrace()
    {
        var (exit, output, error) = await InProcessCli.RunWithOutputAsync(
            b =>
            {
                Program.Compose(b);
                throw new InvalidOperationException("a fault no setting explains");
            },
            ["metrics"],
            CancellationToken.None);

        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(CommandBoundary.UnexpectedFault, exit);
        Assert.StartsWith("metrics: unexpected error: InvalidOperationException: a fault no setting explains (details in ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(_faults));
        Assert.Contains(file, line, StringComparison.Ordinal);
        var details = await File.ReadAllTextAsync(file);
        Assert.Contains("System.InvalidOperationException: a fault no setting explains", details, StringComparison.Ordinal);
        Assert.Contains("   at ", details, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string?> settings, string[] args)
    {
        File.WriteAllText(Folder.File("export.csv"), "number,opened_at,resolved_at,assignment_group,assigned_to,short_description\nINC1,2026-03-02 09:00:00,,Workplace,Jan,Laptop\n");
        File.WriteAllText(Folder.File("teams.csv"), "Team,Manager e-mails\nService Desk,lead@example.org\n");
        var all = TestSettings.Embedded(Folder.Path);
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        // A command that wrongly accepts the setting must not run on (run would serve until stopped).
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await InProcessCli.RunWithOutputAsync(b => Compose(b, all), args, timeout.Token);
    }

    private static void Compose(IHostApplicationBuilder builder, Dictionary<string, string?> settings)
    {
        builder.Configuration.AddInMemoryCollection(settings.Where(s => s.Key != MalformedJson));
        if (settings.TryGetValue(MalformedJson, out var file) && file is not null)
        {
            // What the host does with appsettings.json beside the executable, on a file with a value unquoted.
            File.WriteAllText(file, "{\n  \"Store\": {\n    \"Provider\": Sqlite\n  }\n}\n");
            builder.Configuration.AddJsonFile(file, optional: false, reloadOnChange: false);
        }

        Program.Compose(builder);
    }

    private static string PlainFile()
    {
        var path = Folder.File("plain-file");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, "not a folder");
        }

        return path;
    }

    private static int FindClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(FaultReport.FolderVariable, null);
        if (Directory.Exists(_faults))
        {
            Directory.Delete(_faults, recursive: true);
        }
    }
}
