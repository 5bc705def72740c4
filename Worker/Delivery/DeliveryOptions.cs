namespace Worker.Delivery;

/// <summary>Who gets which report, and how mail leaves the worker. Section "Delivery".</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>The sender, "Name &lt;address&gt;" or an address. Default: Workload monitor &lt;workload-monitor@localhost&gt;.</summary>
    public string From { get; set; } = "Workload monitor <workload-monitor@localhost>";

    /// <summary>Pickup (write .eml files, the embedded default) or Smtp. Default Pickup.</summary>
    public MailTransportKind Transport { get; set; } = MailTransportKind.Pickup;

    /// <summary>Where the Pickup transport writes .eml files. Default out/mail (relative to the working directory).</summary>
    public string PickupFolder { get; set; } = "out/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Recipients of the department report.</summary>
    public DepartmentRecipients Department { get; set; } = new();

    /// <summary>Per team (by the team's name in the store): its managers, and anyone else who reads its team report.</summary>
    public Dictionary<string, TeamRecipients> Teams { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Who is told when a job fails: one mail per failure streak (the failed runs since its last success), through
    /// the outbox. Default: none (failures are only logged and shown by 'jobs list').
    /// </summary>
    public List<string> Operators { get; set; } = [];

    /// <summary>Whether the operators also get a note when a failing job succeeds again. Default true.</summary>
    public bool NotifyOperatorsOnRecovery { get; set; } = true;

    /// <summary>How often the outbox is checked for mail that is due (new mail is sent at once). Default 15 seconds.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Attempts per mail before it is marked failed. Default 20 (about 14 hours with the default delays).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Wait after the first failed attempt; doubled after each further one. Default 30 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest wait between attempts. Default 1 hour.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long a mail may stay "sending" before it is taken for one whose worker stopped mid-send. Longer than
    /// any send takes (MailKit's timeout is <see cref="SmtpOptions.Timeout"/>). Default 10 minutes.
    /// </summary>
    public TimeSpan SendingLease { get; set; } = TimeSpan.FromMinutes(10);
}

public enum MailTransportKind
{
    Pickup,
    Smtp,
}

/// <summary>The mail server (MailKit).</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = string.Empty;

    /// <summary>Default 587 (submission with STARTTLS).</summary>
    public int Port { get; set; } = 587;

    /// <summary>StartTls (default), SslOnConnect, StartTlsWhenAvailable or None (loopback and tests only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Account to authenticate with; none when empty.</summary>
    public string UserName { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    /// <summary>
    /// SHA-256 fingerprint (hex) of a server certificate to accept although no trusted authority issued it: an
    /// internal relay with a self-signed certificate. Empty (default): the certificate must validate normally.
    /// </summary>
    public string CertificateThumbprint { get; set; } = string.Empty;

    /// <summary>Timeout of each SMTP command. Default 2 minutes.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);
}

public enum SmtpSecurity
{
    StartTls,
    SslOnConnect,
    StartTlsWhenAvailable,
    None,
}

public sealed class DepartmentRecipients
{
    /// <summary>Who receives the department report (team-level figures only).</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The language of the department's reports and mails ("en", "nl"); default Reporting:Language.</summary>
    public string? Language { get; set; }
}

public sealed class TeamRecipients
{
    /// <summary>The team's managers: they receive the team report and, alone, its per-agent detail.</summary>
    public List<string> Managers { get; set; } = [];

    /// <summary>Others who receive the team report without per-agent detail.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>The language of the team's reports and mails ("en", "nl"); default Reporting:Language.</summary>
    public string? Language { get; set; }
}
