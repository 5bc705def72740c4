using Xunit.Abstractions;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Worker.Tests.Support;

namespace Worker.Tests.Install;

/// <summary>
/// deploy/analytics-worker.service installed into a temp root (its paths moved under the root, the published worker
/// at /opt/analytics-worker), checked by systemd's own verifier, and its ExecStart run as systemd would run it.
/// </summary>
[Collection(PublishedWorkerDefinition.Name)]
public sealed partial class SystemdUnitTests : IDisposable
{
    private readonly PublishedWorker _published;
    private readonly ITestOutputHelper _output;
    private readonly TempDirectory _root = new();
    private readonly string _unit;

    public SystemdUnitTests(PublishedWorker published, ITestOutputHelper output)
    {
        _published = published;
        _output = output;
        _unit = File.ReadAllText(Path.Combine(PublishedWorker.RepositoryRoot, "deploy", "analytics-worker.service"));
        Directory.CreateDirectory(Under("/etc/systemd/system"));
        Directory.CreateDirectory(Under("/opt"));
        Directory.CreateSymbolicLink(Under("/opt/analytics-worker"), published.Folder);
    }

    [Fact]
    public void Unit_HasTheServiceSettingsTheIssueAsksFor()
    {
        foreach (var line in new[]
        {
            "Wants=network-online.target", "After=network-online.target", "Type=notify", "User=analytics-worker",
            "StateDirectory=analytics-worker", "WorkingDirectory=/var/lib/analytics-worker", "RestartPreventExitStatus=3",
            "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
        })
        {
            Assert.Contains(line, Lines(_unit));
        }

        Assert.Contains("--config /etc/analytics-worker/appsettings.json", Setting("ExecStart"), StringComparison.Ordinal);
    }

    [SystemdFact]
    public async Task Unit_InstalledInATempRoot_PassesSystemdAnalyzeVerify_WithoutAWarning()
    {
        var installed = Under("/etc/systemd/system/analytics-worker.service");
        await File.WriteAllTextAsync(installed, _unit.Replace("/opt/analytics-worker/", Under("/opt/analytics-worker") + "/", StringComparison.Ordinal));

        var (verify, verifyOutput) = await RunAsync(SystemdFactAttribute.Tool, "verify", "--man=no", installed);
        _output.WriteLine(verifyOutput);

        // verify exits 0 on a directive it ignores (a typo, a value it cannot parse): only silence is a pass.
        Assert.Equal(0, verify);
        Assert.Equal(string.Empty, verifyOutput.Trim());

        var (security, securityOutput) = await RunAsync(SystemdFactAttribute.Tool, "security", "--offline=yes", "--no-pager", "--threshold=40", installed);
        _output.WriteLine(securityOutput);
        Assert.True(security == 0, $"exposure above 4.0:\n{securityOutput}");
    }

    [Fact]
    public async Task ExecStart_FromTheTempRoot_StartsWithTheConfigFile_WritesOnlyItsStateDirectory_StopsOnSigterm()
    {
        var state = Under(Setting("WorkingDirectory"));
        Directory.CreateDirectory(state);
        var settings = Under("/etc/analytics-worker/appsettings.json");
        Directory.CreateDirectory(Path.GetDirectoryName(settings)!);
        await File.WriteAllTextAsync(settings, """{ "Delivery": { "From": "Workload monitor <monitor@it.example.org>" } }""");
        var command = Setting("ExecStart").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => a.StartsWith('/') ? Under(a) : a).ToArray();
        var environment = Lines(_unit).Where(l => l.StartsWith("Environment=", StringComparison.Ordinal))
            .Select(l => l["Environment=".Length..].Split('=', 2)).ToDictionary(p => p[0], p => p[1]);

        // The host's "Application started" line, which the shipped log levels hide, marks the end of the start.
        environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        var installFolder = Snapshot(_published.Folder);
        using var worker = PublishedProcess.Start(command[0], state, environment, command[1..]);

        var clock = Stopwatch.StartNew();
        while (!worker.Output.Contains("Application started", StringComparison.Ordinal))
        {
            Assert.False(worker.HasExited, $"the worker exited at start:\n{worker.Output}");
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"the worker did not start within 2 minutes:\n{worker.Output}");
            await Task.Delay(200);
        }

        _output.WriteLine($"started in {clock.Elapsed.TotalSeconds:F1} s");
        worker.Terminate();
        Assert.Equal(0, await worker.WaitForExitAsync(TimeSpan.FromMinutes(1)));

        Assert.True(File.Exists(Path.Combine(state, "out", "analytics.db")), "no store in the state directory");
        Assert.True(File.Exists(Path.Combine(state, "out", "quartz.db")), "no job store in the state directory");

        // ProtectSystem=strict leaves the install folder read-only: the worker must not need to write there.
        Assert.Equal(installFolder, Snapshot(_published.Folder));
        Assert.DoesNotContain("warn", worker.Output, StringComparison.OrdinalIgnoreCase);
    }

    private string Under(string absolute) => _root.Path + absolute;

    private string Setting(string name) =>
        Lines(_unit).Single(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    private static string[] Lines(string unit) =>
        unit.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();

    private static string[] Snapshot(string folder) =>
        Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    private static async Task<(int Exit, string Output)> RunAsync(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, AnsiEscape().Replace(await error + await output, string.Empty));
    }

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    public void Dispose() => _root.Dispose();
}
