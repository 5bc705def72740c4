using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Worker.Delivery;

/// <summary>
/// Turns MailKit's exceptions into reasons an operator can act on, by the step that failed: what is worth another
/// try later (down, busy, 4xx) and what no retry can fix (a setting this server cannot work with, a refused mail).
/// </summary>
internal sealed class SmtpFailures(SmtpOptions smtp)
{
    private const string Security = $"{DeliveryOptions.Section}:Smtp:Security";
    private const string UserName = $"{DeliveryOptions.Section}:Smtp:UserName";
    private const string Password = $"{DeliveryOptions.Section}:Smtp:Password";

    /// <summary>The certificate the server showed in the TLS handshake, if it got that far.</summary>
    public (string Subject, string Sha256, SslPolicyErrors Errors)? Certificate { get; set; }

    private string Server => string.Create(CultureInfo.InvariantCulture, $"{smtp.Host}:{smtp.Port}");

    public DeliveryException OfConnect(Exception ex) => ex switch
    {
        NotSupportedException when smtp.Security == SmtpSecurity.StartTls => Settings(
            $"the mail server {Server} does not offer STARTTLS; set {Security} to SslOnConnect if it expects TLS from the start " +
            "(usually port 465), or to StartTlsWhenAvailable or None to send without encryption to a relay on a trusted network", ex),
        SslHandshakeException when Certificate is { Errors: not SslPolicyErrors.None } seen => Temporary(
            $"the certificate of the mail server {Server} ({seen.Subject}) is not trusted ({seen.Errors}); if it is your relay's own " +
            $"certificate, pin it with {DeliveryOptions.Section}:Smtp:CertificateThumbprint={seen.Sha256}", ex),
        SslHandshakeException when smtp.Security == SmtpSecurity.SslOnConnect && Certificate is null => Settings(
            $"the mail server {Server} does not speak TLS on connect; set {Security} to StartTls (usually port 587), or check {DeliveryOptions.Section}:Smtp:Port", ex),
        SslHandshakeException => Temporary($"the TLS handshake with the mail server {Server} failed: {(ex.InnerException ?? ex).Message}", ex),
        SmtpCommandException command when (int)command.StatusCode >= 500 => Settings(
            $"the mail server {Server} refuses this client ({Answer(command)})", ex),
        SmtpCommandException command => Temporary($"the mail server {Server} is not accepting mail just now ({Answer(command)})", ex),
        _ => Unreachable(ex),
    };

    public DeliveryException OfAuthenticate(Exception ex, bool secure) => ex switch
    {
        NotSupportedException => Settings(
            $"the mail server {Server} does not offer authentication (AUTH){(secure ? string.Empty : " on an unencrypted connection")}; " +
            $"remove {UserName} and {Password}{(secure ? string.Empty : $", or set {Security} to StartTls if it offers AUTH only over TLS")}", ex),
        AuthenticationException => Settings(
            $"the mail server rejected the user name or password ({Code(ex.Message) ?? "535"}); check {UserName} and {Password}", ex),
        SmtpCommandException command when (int)command.StatusCode is 534 or 538 => Settings(
            $"the mail server {Server} accepts the password only over an encrypted connection ({Answer(command)}); set {Security} to StartTls or SslOnConnect", ex),
        SmtpCommandException command when (int)command.StatusCode >= 500 => Settings(
            $"the mail server {Server} refused to authenticate {smtp.UserName} ({Answer(command)}); check {UserName}", ex),
        SmtpCommandException command => Temporary($"the mail server {Server} cannot check the password just now ({Answer(command)})", ex),
        _ => Unreachable(ex),
    };

    public DeliveryException OfSend(Exception ex) => ex switch
    {
        SmtpCommandException command when (int)command.StatusCode < 500 => Temporary($"the mail server answered {Answer(command)}, a temporary refusal", ex),
        SmtpCommandException command when command.StatusCode == SmtpStatusCode.AuthenticationRequired => Settings(
            $"the mail server {Server} accepts mail only after authentication ({Answer(command)}); set {UserName} and {Password}", ex),
        SmtpCommandException { ErrorCode: SmtpErrorCode.SenderNotAccepted } command => Settings(
            $"the mail server {Server} refused the sender {command.Mailbox} ({Answer(command)}); check {DeliveryOptions.Section}:From", ex),
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } command => new DeliveryException(
            DeliveryFailureKind.MailRefused, $"the mail server refused the recipient {command.Mailbox} ({Answer(command)})", ex),
        SmtpCommandException command => new DeliveryException(
            DeliveryFailureKind.MailRefused, $"the mail server refused the message ({Answer(command)})", ex),
        _ => Unreachable(ex),
    };

    private DeliveryException Unreachable(Exception ex) => ex switch
    {
        SocketException { SocketErrorCode: SocketError.ConnectionRefused } => Temporary(
            $"the mail server {Server} refused the connection: it is not running, or {DeliveryOptions.Section}:Smtp:Host or Port is wrong", ex),
        SocketException { SocketErrorCode: SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData } => Temporary(
            $"the mail server's name '{smtp.Host}' cannot be resolved; check {DeliveryOptions.Section}:Smtp:Host", ex),
        TimeoutException or OperationCanceledException => Temporary(
            $"the mail server {Server} did not answer within {smtp.Timeout.TotalSeconds:0} s ({DeliveryOptions.Section}:Smtp:Timeout)", ex),
        SocketException or IOException or ProtocolException or ServiceNotConnectedException => Temporary(
            $"the connection to the mail server {Server} failed: {ex.Message}", ex),
        _ => DeliveryException.From(ex),
    };

    private static DeliveryException Temporary(string reason, Exception ex) => new(DeliveryFailureKind.Temporary, reason, ex);

    private static DeliveryException Settings(string reason, Exception ex) => new(DeliveryFailureKind.Settings, reason, ex);

    private static string Answer(SmtpCommandException command) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)command.StatusCode} {command.Message.Trim()}");

    /// <summary>The reply code at the start of MailKit's message ("535: 5.7.8 ..."), when there is one.</summary>
    private static string? Code(string message) =>
        message.Length >= 3 && char.IsAsciiDigit(message[0]) && char.IsAsciiDigit(message[1]) && char.IsAsciiDigit(message[2]) ? message[..3] : null;
}
