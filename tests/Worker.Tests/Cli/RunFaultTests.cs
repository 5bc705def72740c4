using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// A fault while the worker runs (not a setting): it stops with exit 1, so the service manager restarts it; the
/// terminal gets one line naming the fault file, the log keeps the host's critical entry with the trace.
/// </summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class RunFaultTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Run_ServiceFaultsWhileRunning_ExitsOneNotZeroOrThree()
    {
        Environment.SetEnvironmentVariable(FaultReport.FolderVariable, _folder.File("faults"));
        try
        {
            var settings = TestSettings.Embedded(_folder.Path);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var (exit, output, error) = await InProcessCli.RunWithOutputAsync(
                b =>
                {
                    b.Configuration.AddInMemoryCollection(settings);
                    Program.Compose(b);
                    b.Services.AddHostedService<FaultingService>();
                },
                ["run"],
                timeout.Token);

            Assert.False(timeout.IsCancellationRequested, $"The worker kept running after its fault:\n{error}");
            Assert.True(exit == CommandBoundary.UnexpectedFault, $"exit {exit}, stderr:\n{error}\nstdout:\n{output}");
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            Assert.StartsWith("worker: unexpected error: InvalidOperationException: the outbox lost its mind (details in ", line, StringComparison.Ordinal);
            Assert.Contains("   at ", await File.ReadAllTextAsync(Directory.GetFiles(_folder.File("faults")).Single()), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(FaultReport.FolderVariable, null);
        }
    }

    private sealed class FaultingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Delay(500, stoppingToken);
            throw new InvalidOperationException("the outbox lost its mind");
        }
    }

    public void Dispose() => _folder.Dispose();
}
