using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Worker.Delivery;
using Worker.Jobs;
using Worker.Telemetry;
using Worker.Tests.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Telemetry;

/// <summary>
/// The running worker exporting through OTLP/HTTP to a collector on loopback, configured only by settings and
/// the standard OTEL_EXPORTER_OTLP_* names: the job, sync, mail and freshness metrics and the job's trace arrive.
/// Not in parallel with other tests: Quartz keeps its schedulers in a process-wide registry by name.
/// </summary>
[Collection(Worker.Tests.Cli.CliEnvironmentDefinition.Name)]
public sealed class OtlpExportTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task RunningWorker_ExportsJobMailAndFreshnessMetrics_AndTheJobTrace_ToAnOtlpReceiver()
    {
        using var receiver = new OtlpReceiver();
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Telemetry:MetricsExporter"] = "Otlp";
        settings["Telemetry:TracesExporter"] = "Otlp";
        settings["Telemetry:ExportInterval"] = "00:00:00.500";
        settings["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint;
        settings["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        settings["Sync:Sources:0:Name"] = "watched";
        settings["Sync:Sources:0:Provider"] = "Sqlite";
        settings["Sync:Sources:0:ConnectionString"] = $"Data Source={_folder.File("source.db")};Pooling=False";
        settings["Sync:Sources:0:QueryFile"] = Path.Combine(AppContext.BaseDirectory, "sql", "sources", "canonical-sqlite.sql");
        settings["Sync:Sources:0:TimeZone"] = "Europe/Amsterdam";
        var changed = TimeProvider.System.GetUtcNow().AddHours(-3);
        Source(changed);

        using (var host = TestSettings.BuildHost(settings))
        {
            await host.StartAsync();
            var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.TriggerJob(SyncJob.Key);
            await host.Services.GetRequiredService<Outbox>().EnqueueAsync(
                DeliveryHarness.ReportMail("weekly-workload", "2031-W05", ReportAudience.Department, "cio@example.org"), default);
            host.Services.GetRequiredService<OutboxSignal>().Notify();

            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(30) && !(Has(receiver, "worker.job.runs", "job", "sync") && Has(receiver, "worker.mail.deliveries", "result", "sent")
                   && Has(receiver, "worker.data.age", "source", "watched") && receiver.Spans.Any(s => s.Name == "mail send" && s.Attributes.GetValueOrDefault("period") == "2031-W05")))
            {
                await Task.Delay(100);
            }

            await host.StopAsync();
        }

        Assert.Contains(receiver.Paths, p => p.StartsWith("POST /v1/metrics application/x-protobuf", StringComparison.Ordinal));
        Assert.True(Has(receiver, "worker.job.runs", "job", "sync"), Received(receiver));
        Assert.True(Has(receiver, "worker.job.duration", "job", "sync"), Received(receiver));
        Assert.True(Has(receiver, "worker.mail.deliveries", "result", "sent"), Received(receiver));
        Assert.True(Has(receiver, "worker.sync.rows_read", "source", "watched"), Received(receiver));
        var age = receiver.Metrics.Where(m => m.Name == "worker.data.age").SelectMany(m => m.Points).First(p => p.Attributes["source"] == "watched");
        Assert.InRange(age.Value, TimeSpan.FromHours(3).TotalSeconds - 5, TimeSpan.FromHours(3).TotalSeconds + 120);

        // The job's trace: Quartz's span for the run, with the source's sync inside it.
        // ActivitySources are process-wide: other tests' spans may arrive too, so this run's are found by their names.
        var sync = Assert.Single(receiver.Spans, s => s.Name == "sync watched");
        var job = Assert.Single(receiver.Spans, s => s.SpanId == sync.ParentSpanId);
        Assert.Equal(Quartz.Diagnostics.QuartzInstrumentation.ActivitySourceName, job.Scope);
        Assert.Contains(job.Attributes.Values, v => v.Contains("sync", StringComparison.Ordinal));
        Assert.Equal(job.TraceId, sync.TraceId);
        Assert.Equal("watched", sync.Attributes["source"]);
        var mail = Assert.Single(receiver.Spans, s => s.Name == "mail send" && s.Attributes.GetValueOrDefault("period") == "2031-W05");
        Assert.Equal(WorkerActivities.SourceName, mail.Scope);
        Assert.Equal("weekly-workload", mail.Attributes["report"]);
    }

    private static bool Has(OtlpReceiver receiver, string metric, string attribute, string value) =>
        receiver.Metrics.Any(m => m.Name == metric && m.Points.Any(p => p.Attributes.TryGetValue(attribute, out var v) && v == value));

    private static string Received(OtlpReceiver receiver) =>
        "received: " + string.Join(", ", receiver.Metrics.Select(m => $"{m.Scope}/{m.Name}").Distinct())
        + "; spans: " + string.Join(", ", receiver.Spans.Select(s => $"{s.Scope}/{s.Name}"));

    private void Source(DateTimeOffset updated)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("source.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE tickets (
                ticket_id TEXT PRIMARY KEY, kind TEXT, title TEXT, category TEXT, subcategory TEXT, priority TEXT, channel TEXT,
                team TEXT, assignee TEXT, resolved_by TEXT, opened_at TEXT, first_response_at TEXT, resolved_at TEXT, closed_at TEXT,
                due_at TEXT, sla_breached INTEGER, reopen_count INTEGER, reassignment_count INTEGER, proactive TEXT,
                time_spent_minutes INTEGER, problem_id TEXT, caused_by_change TEXT, updated_at TEXT);
            INSERT INTO tickets (ticket_id, kind, opened_at, updated_at, proactive, channel) VALUES ('T1', 'incident', $opened, $updated, '0', 'phone');
            """;
        command.Parameters.AddWithValue("$opened", updated.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$updated", updated.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
    }

    public void Dispose() => _folder.Dispose();
}
