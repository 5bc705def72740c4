using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Worker.Delivery;
using Worker.Telemetry;
using Worker.Tests.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Telemetry;

/// <summary>The worker's meter as an OpenTelemetry exporter sees it.</summary>
public sealed class WorkerMetricsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task MailSent_IsCountedWithItsReportAndResult()
    {
        using var harness = new DeliveryHarness(TestSettings.Embedded(_folder.Path));
        _ = harness.Service<WorkerMetrics>(); // its instruments exist before the listener starts
        var measured = new List<(string Instrument, long Value, string? Report, string? Result)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this host's meter: other tests' hosts count their own mails at the same time.
            if (instrument.Meter.Name == WorkerMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, harness.Service<IMeterFactory>()))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var all = tags.ToArray();
            lock (measured)
            {
                measured.Add((instrument.Name, value, all.FirstOrDefault(t => t.Key == "report").Value as string, all.FirstOrDefault(t => t.Key == "result").Value as string));
            }
        });
        listener.Start();

        await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org"), default);
        await harness.Dispatcher.DispatchAsync(default);

        Assert.Contains(("worker.mail.deliveries", 1L, "weekly-workload", "sent"), measured);
    }

    public void Dispose() => _folder.Dispose();
}
