using Microsoft.Extensions.Options;
using Reports.Text;

namespace Worker.Delivery;

/// <summary>Checks the delivery settings at start; each failure names the setting.</summary>
public sealed class DeliveryOptionsValidator : IValidateOptions<DeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = DeliveryOptions.Section;
        Address(options.From, $"{section}:From", failures);

        Language(options.Department.Language, $"{section}:Department:Language", failures);
        for (var i = 0; i < options.Department.Recipients.Count; i++)
        {
            Address(options.Department.Recipients[i], $"{section}:Department:Recipients:{i}", failures);
        }

        for (var i = 0; i < options.Operators.Count; i++)
        {
            Address(options.Operators[i], $"{section}:Operators:{i}", failures);
        }

        foreach (var (team, recipients) in options.Teams)
        {
            Language(recipients.Language, $"{section}:Teams:{team}:Language", failures);
            for (var i = 0; i < recipients.Managers.Count; i++)
            {
                Address(recipients.Managers[i], $"{section}:Teams:{team}:Managers:{i}", failures);
            }

            for (var i = 0; i < recipients.Recipients.Count; i++)
            {
                Address(recipients.Recipients[i], $"{section}:Teams:{team}:Recipients:{i}", failures);
            }
        }

        if (options.Transport == MailTransportKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(options.Smtp.Host))
            {
                failures.Add($"{section}:Smtp:Host is required when {section}:Transport is Smtp.");
            }

            if (options.Smtp.Port is < 1 or > 65535)
            {
                failures.Add($"{section}:Smtp:Port: '{options.Smtp.Port}' is not a TCP port (1-65535).");
            }

            if (!string.IsNullOrEmpty(options.Smtp.UserName) && string.IsNullOrEmpty(options.Smtp.Password))
            {
                failures.Add($"{section}:Smtp:Password is required when {section}:Smtp:UserName is set.");
            }

            var thumbprint = (options.Smtp.CertificateThumbprint ?? string.Empty).Replace(":", string.Empty, StringComparison.Ordinal);
            if (thumbprint.Length > 0 && (thumbprint.Length != 64 || !thumbprint.All(char.IsAsciiHexDigit)))
            {
                failures.Add($"{section}:Smtp:CertificateThumbprint: '{options.Smtp.CertificateThumbprint}' is not a SHA-256 fingerprint (64 hex digits).");
            }

            if (options.Smtp.Timeout <= TimeSpan.Zero)
            {
                failures.Add($"{section}:Smtp:Timeout: '{options.Smtp.Timeout}' must be positive.");
            }
        }
        else if (string.IsNullOrWhiteSpace(options.PickupFolder))
        {
            failures.Add($"{section}:PickupFolder is required when {section}:Transport is Pickup.");
        }

        if (options.PollInterval < TimeSpan.FromMilliseconds(100))
        {
            failures.Add($"{section}:PollInterval: '{options.PollInterval}' is shorter than 0.1 seconds.");
        }

        if (options.MaxAttempts is < 1 or > 1000)
        {
            failures.Add($"{section}:MaxAttempts: '{options.MaxAttempts}' must be between 1 and 1000.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{section}:RetryDelay: '{options.RetryDelay}' must be zero or more and at most {section}:MaxRetryDelay ('{options.MaxRetryDelay}').");
        }

        if (options.SendingLease <= TimeSpan.Zero)
        {
            failures.Add($"{section}:SendingLease: '{options.SendingLease}' must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>An override of Reporting:Language: absent, or a language the reports are written in.</summary>
    private static void Language(string? code, string path, List<string> failures)
    {
        if (code is not null && !Wording.IsSupported(code))
        {
            failures.Add(LanguageProblem(path, code));
        }
    }

    /// <summary>One line naming the setting, the value and the languages there are.</summary>
    internal static string LanguageProblem(string path, string? code) =>
        $"{path}: '{code}' is not a report language; use one of {string.Join(", ", Wording.Languages)}.";

    private static void Address(string? text, string path, List<string> failures)
    {
        if (!MailAddresses.TryParse(text, out _))
        {
            failures.Add($"{path}: '{text}' is not a valid e-mail address.");
        }
    }
}
