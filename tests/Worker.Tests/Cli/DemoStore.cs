using Worker.Tests.Reporting;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>A store in a folder of its own, seeded once for a test class: twenty weeks of demo history to 2026-W47, a trained forecast; commands run as the worker executable on it.</summary>
public sealed class DemoStore : IAsyncLifetime
{
    private IReadOnlyList<Analytics.Tickets.Agent> _agents = [];

    public TempDirectory Folder { get; } = new();

    public Analytics.Workload.WorkloadHistory History { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var harness = await ReportingHarness.StartAsync(TestSettings.Embedded(Folder.Path));
        _agents = harness.Data.Agents;
        AbsentAgent = harness.Data.Scenario.AbsentAgent;
        History = await harness.Service<Analytics.Workload.WorkloadCalculator>().ComputeAsync(ReportingHarness.Week, ReportingHarness.Week, CancellationToken.None);
    }

    /// <summary>The Workplace agent on long-term leave through the demo's overload, as the roster records.</summary>
    public string AbsentAgent { get; private set; } = "";

    public string AgentOf(string team) => _agents.First(a => a.Team == team).Name;

    public async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var settings = TestSettings.Embedded(Folder.Path).ToDictionary(s => s.Key, s => s.Value ?? "");
        await using var worker = WorkerProcess.Start(Folder.Path, settings, args);
        var exit = await worker.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exit, worker.Output);
    }

    public Task DisposeAsync()
    {
        Folder.Dispose();
        return Task.CompletedTask;
    }
}
