using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Delivery;

/// <summary>A mail server that requires STARTTLS and authentication, with a self-signed certificate.</summary>
public sealed class SmtpStartTlsTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new();
    private SmtpSink _smtp = null!;
    private string _thumbprint = null!;

    public async Task InitializeAsync()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(50), DateTimeOffset.UnixEpoch.AddYears(80));
        await File.WriteAllTextAsync(_folder.File("smtp.crt"), certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(_folder.File("smtp.key"), key.ExportPkcs8PrivateKeyPem());
        _thumbprint = certificate.GetCertHashString(HashAlgorithmName.SHA256);
        _smtp = await SmtpSink.StartAsync(_folder.File("smtp"), "worker", "s3cret", (_folder.File("smtp.crt"), _folder.File("smtp.key")));
    }

    private Dictionary<string, string?> Settings(string? thumbprint)
    {
        var settings = TestSettings.EmbeddedWithSmtp(_folder.Path, _smtp.Port, "StartTls");
        settings["Delivery:Smtp:UserName"] = "worker";
        settings["Delivery:Smtp:Password"] = "s3cret";
        settings["Delivery:Smtp:Timeout"] = "00:00:10";
        if (thumbprint is not null)
        {
            settings["Delivery:Smtp:CertificateThumbprint"] = thumbprint;
        }

        return settings;
    }

    [Fact]
    public async Task StartTls_WithThePinnedSelfSignedCertificate_AuthenticatesAndSends()
    {
        using var harness = new DeliveryHarness(Settings(_thumbprint));
        await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org"), default);

        Assert.Equal(1, await harness.Dispatcher.DispatchAsync(default));

        Assert.Equal("cio@example.org", Assert.Single(Assert.Single(_smtp.Messages()).RcptTo));
    }

    [Fact]
    public async Task StartTls_WithAnUntrustedCertificate_SendsNothingAndRetriesLater()
    {
        using var harness = new DeliveryHarness(Settings(thumbprint: null));
        await harness.Outbox.EnqueueAsync(DeliveryHarness.ReportMail("weekly-workload", "2026-W47", ReportAudience.Department, "cio@example.org"), default);

        Assert.Equal(0, await harness.Dispatcher.DispatchAsync(default));

        Assert.Empty(_smtp.Messages());
        var entry = Assert.Single(await harness.Outbox.GetAsync(null, default));
        Assert.Equal((OutboxStatus.Pending, 1), (entry.Status, entry.Attempts));
        Assert.Contains("certificate", entry.LastError, StringComparison.OrdinalIgnoreCase);
    }

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    public void Dispose() => _folder.Dispose();
}
