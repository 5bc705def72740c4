using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Worker.Hosting;
using Worker.Tests.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Install;

/// <summary>The operator's settings file outside the install folder: --config PATH, or the system's default file.</summary>
public sealed class SettingsFileTests : IDisposable
{
    private readonly TempDirectory _settings = new();
    private readonly TempDirectory _state = new();

    [Theory]
    [InlineData("--config", "{missing}")]
    [InlineData("run", "--config", "{missing}")]
    [InlineData("--config", "{missing}", "jobs", "list")]
    [InlineData("demo", "--config", "{missing}")]
    public async Task Config_MissingFile_IsOneLineNamingIt_Exit3(params string[] args)
    {
        var missing = _settings.File("nowhere.json");
        var (exit, error) = await InProcessCli.RunAsync(args.Select(a => a.Replace("{missing}", missing, StringComparison.Ordinal)).ToArray());

        Assert.Equal(3, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.EndsWith($"configuration error: --config: the settings file cannot be read: Could not find file '{missing}'.", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--config", "{file}", "jobs", "list")]
    [InlineData("jobs", "list", "--config", "{file}")]
    public async Task Config_BeforeOrAfterTheCommand_IsWhereTheStoresAre(params string[] args)
    {
        var file = WriteSettings($$"""
            {
              "Store": { "ConnectionString": "Data Source={{_state.File("analytics.db")}}" },
              "Jobs": { "Store": { "ConnectionString": "Data Source={{_state.File("quartz.db")}}" } }
            }
            """);

        var (exit, error) = await InProcessCli.RunAsync(args.Select(a => a.Replace("{file}", file, StringComparison.Ordinal)).ToArray());

        Assert.True(exit == 0, error);
        Assert.True(File.Exists(_state.File("analytics.db")), "the store named in the --config file was not created");
        Assert.True(File.Exists(_state.File("quartz.db")), "the job store named in the --config file was not created");
    }

    [Fact]
    public async Task Config_WithNoCommand_TheWorkerReadsIt()
    {
        // The service's start (no command) reads the file: its bad cron stops the worker before anything runs.
        var file = WriteSettings($$"""
            { "Store": { "ConnectionString": "Data Source={{_state.File("analytics.db")}}" }, "Jobs": { "Sync": { "Cron": "every hour" } } }
            """);

        var (exit, error) = await InProcessCli.RunAsync("--config", file);

        Assert.Equal(3, exit);
        Assert.Contains("worker: configuration error: Jobs:Sync:Cron: 'every hour'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Config_NotJson_IsOneLineNamingFileAndLine()
    {
        var file = WriteSettings("{\n  \"Store\": {\n    \"Provider\": Sqlite\n  }\n}\n");

        var (exit, error) = await InProcessCli.RunAsync("jobs", "list", "--config", file);

        Assert.Equal(3, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains($"{file}: not valid JSON at line 3", line, StringComparison.Ordinal);
    }

    [Fact]
    public void SettingsFile_WinsOverAppsettingsBesideTheExecutable_EnvironmentWinsOverIt()
    {
        const string Variable = "InstallTests__EnvironmentWins";
        Environment.SetEnvironmentVariable(Variable, "environment");
        try
        {
            var file = WriteSettings("""
                { "Store": { "ConnectionString": "Data Source=/srv/from-settings-file.db" }, "InstallTests": { "EnvironmentWins": "file" } }
                """);
            var configuration = Configuration(file, defaultPath: _settings.File("absent.json"));

            Assert.Equal("Data Source=/srv/from-settings-file.db", configuration["Store:ConnectionString"]);
            Assert.Equal("environment", configuration["InstallTests:EnvironmentWins"]);

            // What the file does not set still comes from the appsettings.json beside the executable.
            Assert.Equal("out/mail", configuration["Delivery:PickupFolder"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(Variable, null);
        }
    }

    [Fact]
    public void DefaultFile_IsReadWhenPresent_AndConfigReplacesIt()
    {
        var system = WriteSettings("""{ "Delivery": { "PickupFolder": "/var/mail/from-default" } }""", "default.json");
        var chosen = WriteSettings("""{ "Store": { "Provider": "Postgres" } }""", "chosen.json");

        Assert.Equal("/var/mail/from-default", Configuration(null, system)["Delivery:PickupFolder"]);
        var withConfig = Configuration(chosen, system);
        Assert.Equal("Postgres", withConfig["Store:Provider"]);
        Assert.Equal("out/mail", withConfig["Delivery:PickupFolder"]);

        // No default file: the shipped settings alone, no error.
        Assert.Equal("Sqlite", Configuration(null, _settings.File("absent.json"))["Store:Provider"]);
    }

    private static ConfigurationManager Configuration(string? requested, string defaultPath)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        SettingsFile.Add(builder.Configuration, requested, defaultPath);
        return builder.Configuration;
    }

    private string WriteSettings(string json, string name = "appsettings.json")
    {
        var path = _settings.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    public void Dispose()
    {
        _settings.Dispose();
        _state.Dispose();
    }
}
