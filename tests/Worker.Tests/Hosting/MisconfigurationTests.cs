using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Hosting;

/// <summary>Every validated setting, set wrong: the worker refuses to start and the message names the setting and the value.</summary>
public sealed class MisconfigurationTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public static TheoryData<string, string, string> BadSettings() => new()
    {
        { "Jobs:WeeklyReports:Cron", "0 0 7 ? * MON *x", "Jobs:WeeklyReports:Cron: '0 0 7 ? * MON *x' is not a valid cron expression" },
        { "Jobs:Sync:Cron", "every hour", "Jobs:Sync:Cron: 'every hour' is not a valid cron expression" },
        { "Jobs:RetrainForecasts:Cron", "0 61 2 * * ?", "Jobs:RetrainForecasts:Cron: '0 61 2 * * ?' is not a valid cron expression" },
        { "Jobs:OverloadCheck:Cron", "", "Jobs:OverloadCheck:Cron is required." },
        { "Jobs:WeeklyReports:TimeZone", "Europe/Amsterdamm", "Jobs:WeeklyReports:TimeZone: 'Europe/Amsterdamm' is not a known time zone." },
        { "Jobs:Sync:TimeZone", "Mars/Olympus", "Jobs:Sync:TimeZone: 'Mars/Olympus' is not a known time zone." },
        { "Jobs:Store:ConnectionString", "", "Jobs:Store:ConnectionString is required." },
        { "Jobs:Store:Clustered", "true", "Jobs:Store:Clustered: a SQLite job store belongs to one worker" },
        { "Jobs:Store:MisfireThreshold", "00:00:00.1", "Jobs:Store:MisfireThreshold: '00:00:00.1000000' is shorter than 1 second." },
        { "Store:ConnectionString", "", "Store:ConnectionString is required." },
        { "Delivery:From", "workload.example.org", "Delivery:From: 'workload.example.org' is not a valid e-mail address." },
        { "Delivery:Department:Recipients:0", "cio@", "Delivery:Department:Recipients:0: 'cio@' is not a valid e-mail address." },
        { "Delivery:Teams:Service Desk:Managers:0", "anna at example.org", "Delivery:Teams:Service Desk:Managers:0: 'anna at example.org' is not a valid e-mail address." },
        { "Delivery:Teams:Network:Recipients:0", "a@b@example.org", "Delivery:Teams:Network:Recipients:0: 'a@b@example.org' is not a valid e-mail address." },
        { "Delivery:Smtp:Port", "70000", "Delivery:Smtp:Port: '70000' is not a TCP port (1-65535)." },
        { "Delivery:Smtp:CertificateThumbprint", "AB:CD", "Delivery:Smtp:CertificateThumbprint: 'AB:CD' is not a SHA-256 fingerprint (64 hex digits)." },
        { "Delivery:MaxAttempts", "0", "Delivery:MaxAttempts: '0' must be between 1 and 1000." },
        { "Store:Provider", "Oracle", "Store:Provider" },
        { "Jobs:Store:Provider", "MySql", "Jobs:Store:Provider" },
        { "Sync:BatchSize", "0", "Sync:BatchSize: '0' must be between 1 and 100000." },
        { "Sync:Overlap", "-00:05:00", "Sync:Overlap: '-00:05:00' must not be negative." },
        { "Workload:TimeZone", "Europe/Amsterdan", "Workload:TimeZone is not a known time zone" },
        { "Workload:BaselineWeeks", "2", "Workload:BaselineWeeks must be between 4 and 104." },
        { "Overload:SlaTarget", "1.5", "Overload:SlaTarget must be between 0 and 1." },
        { "Privacy:MinimumGroupSize", "0", "Privacy:MinimumGroupSize must be between 1 and 100." },
        { "InvisibleWork:Rules:0:Keywords", "(laptop", "InvisibleWork:Rules:0:Keywords: '(laptop' is not a valid regular expression" },
        { "Reporting:OutputFolder", "", "Reporting:OutputFolder is required." },
        { "Forecast:WeeklyHorizon", "40", "Forecast:WeeklyHorizon must be between 1 and 26 weeks." },
        { "Holidays:Country", "XX", "Holidays:Country: 'XX' is not a supported country; use one of the ISO 3166 alpha-2 codes" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Start_WithBadSetting_FailsNamingTheSetting(string key, string value, string expected)
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings[key] = value;
        if (key.StartsWith("Delivery:Smtp:", StringComparison.Ordinal))
        {
            settings["Delivery:Transport"] = "Smtp";
            settings["Delivery:Smtp:Host"] = "127.0.0.1";
        }

        var message = ValidationMessage(settings);

        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SmtpWithoutHost_FailsNamingTheHostSetting()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Delivery:Transport"] = "Smtp";
        settings["Delivery:Smtp:UserName"] = "worker";

        var message = ValidationMessage(settings);

        Assert.Contains("Delivery:Smtp:Host is required when Delivery:Transport is Smtp.", message, StringComparison.Ordinal);
        Assert.Contains("Delivery:Smtp:Password is required when Delivery:Smtp:UserName is set.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SyncSourceWithoutConnectionStringOrQueryFile_FailsNamingBoth()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Sync:Sources:0:Name"] = "servicenow";
        settings["Sync:Sources:0:QueryFile"] = _folder.File("absent.sql");
        settings["Sync:Sources:0:TimeZone"] = "Nowhere/Special";
        settings["Sync:Sources:1:Name"] = "ServiceNow";
        settings["Sync:Sources:1:ConnectionString"] = "Host=127.0.0.1";

        var message = ValidationMessage(settings);

        Assert.Contains("Sync:Sources:0:ConnectionString is required.", message, StringComparison.Ordinal);
        Assert.Contains($"Sync:Sources:0:QueryFile: '{_folder.File("absent.sql")}' does not exist", message, StringComparison.Ordinal);
        Assert.Contains("Sync:Sources:0:TimeZone: 'Nowhere/Special' is not a known time zone.", message, StringComparison.Ordinal);
        Assert.Contains("Sync:Sources:1:Name: 'ServiceNow' is used by another source", message, StringComparison.Ordinal);
        Assert.Contains("Sync:Sources:1:QueryFile is required.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_WithDefaults_IsValid()
    {
        Assert.Equal(string.Empty, ValidationMessage(TestSettings.Embedded(_folder.Path)));
    }

    [Fact]
    public async Task RunCommand_BadCron_ExitsWithTheMessageAndNoStackTrace()
    {
        var settings = TestSettings.Embedded(_folder.Path).Where(s => s.Value is not null).ToDictionary(s => s.Key, s => s.Value!);
        settings["Jobs:WeeklyReports:Cron"] = "0 0 7 ? * MON *x";
        await using var worker = WorkerProcess.Start(_folder.Path, settings);

        var exit = await worker.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ConfigurationErrors.ExitCode, exit);
        Assert.Contains("Jobs:WeeklyReports:Cron: '0 0 7 ? * MON *x' is not a valid cron expression", worker.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", worker.Output, StringComparison.Ordinal);
    }

    private static string ValidationMessage(IReadOnlyDictionary<string, string?> settings)
    {
        using var host = TestSettings.BuildHost(settings, withReporting: true);
        try
        {
            CliHost.Validate(host.Services);
            return string.Empty;
        }
        catch (Exception ex) when (ConfigurationErrors.TryDescribe(ex, out var message))
        {
            return message;
        }
    }

    public void Dispose() => _folder.Dispose();
}
