using Analytics;
using Microsoft.Extensions.Hosting;
using Worker.Cli;
using Worker.Delivery;
using Worker.Hosting;
using Worker.Jobs;
using Worker.Reporting;
using Worker.Telemetry;

return await CliApplication.InvokeAsync(CliApplication.Create(Program.Compose), args);

internal sealed partial class Program
{
    /// <summary>The worker's services, one extension per project and capability; every command's host is built from it.</summary>
    internal static void Compose(IHostApplicationBuilder builder)
    {
        ComposeInfrastructure(builder);
        builder.Services.AddReporting();
    }

    /// <summary>Everything but the reports and the job services built on them: the host, store, sync, mail and schedule.</summary>
    internal static void ComposeInfrastructure(IHostApplicationBuilder builder)
    {
        builder.Services.AddAnalytics();
        builder.AddWorkerHosting();
        builder.AddWorkerTelemetry();
        builder.AddWorkerDelivery();
        builder.AddWorkerJobs();
    }
}
