using System.Net.Security;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Worker.Delivery;

/// <summary>
/// Sends through an SMTP server with MailKit: STARTTLS (or TLS on connect) and authentication as configured.
/// Every MailKit failure leaves as a <see cref="DeliveryException"/> that says what it means for the mail and,
/// when a setting cannot work with this server, which one to change (see <see cref="SmtpFailures"/>).
/// </summary>
public sealed class SmtpMailTransport(IOptions<DeliveryOptions> options) : IMailTransport
{
    public async Task<IMailSession> OpenAsync(CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        var failures = new SmtpFailures(smtp);
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        var pinned = (smtp.CertificateThumbprint ?? string.Empty).Replace(":", string.Empty, StringComparison.Ordinal);
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
        {
            // Kept so that a refused certificate can be named, with the fingerprint that would pin it.
            failures.Certificate = certificate is null ? null : (certificate.Subject, certificate.GetCertHashString(HashAlgorithmName.SHA256), errors);

            // A trusted certificate passes as always; an untrusted one only when it is the one configured.
            return errors == SslPolicyErrors.None
                || (pinned.Length > 0 && certificate is not null
                    && string.Equals(certificate.GetCertHashString(HashAlgorithmName.SHA256), pinned, StringComparison.OrdinalIgnoreCase));
        };

        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                SmtpSecurity.StartTlsWhenAvailable => SecureSocketOptions.StartTlsWhenAvailable,
                _ => SecureSocketOptions.StartTls,
            };
            try
            {
                await client.ConnectAsync(smtp.Host, smtp.Port, security, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw failures.OfConnect(ex);
            }

            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                try
                {
                    await client.AuthenticateAsync(smtp.UserName, smtp.Password, cancellationToken);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    throw failures.OfAuthenticate(ex, client.IsSecure);
                }
            }

            return new Session(client, failures);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>SMTP cannot be asked whether a message arrived.</summary>
    public bool? WasDelivered(OutboxKey key, string messageId) => null;

    private sealed class Session(SmtpClient client, SmtpFailures failures) : IMailSession
    {
        public async Task SendAsync(MimeMessage message, OutboxKey key, CancellationToken cancellationToken)
        {
            try
            {
                await client.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw failures.OfSend(ex);
            }
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected)
                {
                    await client.DisconnectAsync(quit: true);
                }
            }
            catch (Exception ex) when (ex is IOException or ProtocolException or ServiceNotConnectedException or OperationCanceledException or TimeoutException)
            {
                // The mail went out or was retried already; a failed QUIT changes nothing.
            }
            finally
            {
                client.Dispose();
            }
        }
    }
}
