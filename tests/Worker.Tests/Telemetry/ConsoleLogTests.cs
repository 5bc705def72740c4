using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Worker.Tests.Support;

namespace Worker.Tests.Telemetry;

/// <summary>The running worker's console log as an operator reads it: each line stamped, the start and stop visible.</summary>
public sealed partial class ConsoleLogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task RunningWorker_LogsWithTimestamps_AndShowsItsStartAndStop()
    {
        var output = await RunAndStopAsync(new Dictionary<string, string>());

        var started = output.Split('\n').FirstOrDefault(l => l.Contains("Application started", StringComparison.Ordinal));
        Assert.True(started is not null, output);
        Assert.Contains("Application is shutting down", output, StringComparison.Ordinal);
        Assert.Matches(Stamped(), output.Split('\n').First(l => l.Contains("Microsoft.Hosting.Lifetime", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task JsonFormatter_WritesOneObjectPerLine_WithAUtcTimestamp()
    {
        var output = await RunAndStopAsync(new Dictionary<string, string> { ["Logging:Console:FormatterName"] = "json" });

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith('{')).ToList();
        var started = lines.Select(l => JsonDocument.Parse(l).RootElement).First(e => e.GetProperty("Message").GetString()!.Contains("Application started", StringComparison.Ordinal));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", started.GetProperty("Timestamp").GetString());
    }

    [Fact]
    public async Task ConsoleMetrics_ShowTheWorkersInstruments_AndLeaveQuartzsOutUnlessAskedFor()
    {
        var quiet = await RunAndStopAsync(ConsoleMetrics(), "Metric Name: worker.job.runs");
        var asked = ConsoleMetrics();
        asked["Telemetry:QuartzMetrics"] = "true";
        var loud = await RunAndStopAsync(asked, "Metric Name: quartz.");

        Assert.Contains("Metric Name: worker.job.runs", quiet, StringComparison.Ordinal);
        Assert.DoesNotContain("Metric Name: quartz.", quiet, StringComparison.Ordinal);
        Assert.Contains("Metric Name: quartz.", loud, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> ConsoleMetrics() => new()
    {
        ["Telemetry:MetricsExporter"] = "Console",
        ["Telemetry:ExportInterval"] = "00:00:00.500",
        ["Jobs:Sync:Cron"] = "* * * * * ?",
    };

    private async Task<string> RunAndStopAsync(Dictionary<string, string> extra, string until = "Application started")
    {
        var settings = TestSettings.Embedded(_folder.Path).Where(s => s.Key != "Logging:LogLevel:Default").ToDictionary(s => s.Key, s => s.Value!);
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        await using var worker = WorkerProcess.Start(_folder.Path, settings, "run");
        var clock = Stopwatch.StartNew();
        while (!worker.Output.Contains(until, StringComparison.Ordinal) && !worker.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(100);
        }

        using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        await worker.WaitForExitAsync(TimeSpan.FromSeconds(60));
        return worker.Output;
    }

    [GeneratedRegex(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} [+-]\d\d:\d\d info: Microsoft\.Hosting\.Lifetime")]
    private static partial Regex Stamped();

    public void Dispose() => _folder.Dispose();
}
