using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Worker.Delivery;
using Worker.Hosting;
using Worker.Jobs;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>The worker's delivery services over a SQLite store in a test folder, on a fake clock (hosted services not started).</summary>
public sealed class DeliveryHarness : IDisposable
{
    private readonly IHost _host;

    public DeliveryHarness(IReadOnlyDictionary<string, string?> settings)
    {
        Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
        _host = TestSettings.BuildHost(settings, services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Log);
        });
        StoreMigration.Prepare(
            _host.Services.GetRequiredService<IOptions<StoreOptions>>().Value,
            _host.Services.GetRequiredService<IOptions<JobsOptions>>().Value);
    }

    public FakeTimeProvider Clock { get; }

    /// <summary>What the delivery services logged (the host's level filter applies: warnings and up by default).</summary>
    public RecordedLog Log { get; } = new();

    public Outbox Outbox => _host.Services.GetRequiredService<Outbox>();

    public OutboxDispatcher Dispatcher => _host.Services.GetRequiredService<OutboxDispatcher>();

    public RecipientDirectory Recipients => _host.Services.GetRequiredService<RecipientDirectory>();

    public IMailTransport Transport => _host.Services.GetRequiredService<IMailTransport>();

    public T Service<T>()
        where T : notnull => _host.Services.GetRequiredService<T>();

    /// <summary>A mail as a report job would enqueue it: an HTML body with an inline chart and the report PDF attached.</summary>
    public static OutgoingMail ReportMail(string reportKind, string period, ReportAudience audience, string recipient) => new()
    {
        Key = new OutboxKey(reportKind, period, audience.Scope, recipient),
        Subject = $"Weekly workload {period}: {audience.Team ?? "department"}",
        HtmlBody = $"<html><body><h1>{audience.Scope}</h1><img src=\"cid:flow-chart\" alt=\"flow\"></body></html>",
        TextBody = $"Weekly workload {period}",
        InlineImages = [new InlineImage("flow-chart", "flow.png", Png)],
        Attachments = [new MailAttachment($"{reportKind}-{period}-{OutboxKey.Slug(audience.Scope)}.pdf", Pdf(audience.Scope))],
    };

    /// <summary>The eight-byte PNG signature and an IHDR chunk: enough to be recognisably a PNG in the message.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public static byte[] Pdf(string scope) => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.7\n% report for {scope}\n%%EOF\n");

    public void Dispose() => _host.Dispose();
}
