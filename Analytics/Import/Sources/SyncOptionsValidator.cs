using Microsoft.Extensions.Options;

namespace Analytics.Import.Sources;

/// <summary>Checks the sync settings at start, naming each bad setting by its configuration path.</summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var section = SyncOptions.Section;
        if (options.Overlap < TimeSpan.Zero)
        {
            failures.Add($"{section}:Overlap: '{options.Overlap}' must not be negative.");
        }

        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromDays(1))
        {
            failures.Add($"{section}:ClockSkew: '{options.ClockSkew}' must be between 00:00:00 and 1.00:00:00 (a day).");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            failures.Add($"{section}:BatchSize: '{options.BatchSize}' must be between 1 and 100000.");
        }

        if (options.MaxAttempts is < 1 or > 100)
        {
            failures.Add($"{section}:MaxAttempts: '{options.MaxAttempts}' must be between 1 and 100.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{section}:RetryDelay: '{options.RetryDelay}' must be zero or more and at most {section}:MaxRetryDelay ('{options.MaxRetryDelay}').");
        }

        if (options.QueryTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{section}:QueryTimeout: '{options.QueryTimeout}' must be positive.");
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Sources.Count; i++)
        {
            var source = options.Sources[i];
            var path = $"{section}:Sources:{i}";
            if (string.IsNullOrWhiteSpace(source.Name))
            {
                failures.Add($"{path}:Name is required.");
            }
            else if (!names.Add(source.Name))
            {
                failures.Add($"{path}:Name: '{source.Name}' is used by another source; names must be unique.");
            }

            if (!Enum.IsDefined(source.Provider))
            {
                failures.Add($"{path}:Provider: '{source.Provider}' is not a provider (Sqlite, Postgres, SqlServer, TOPdesk, ServiceNow, Jira, Zendesk).");
            }
            else if (source.Provider.IsApi())
            {
                ApiSettings(source.Api, $"{path}:Api", failures);
            }
            else
            {
                if (string.IsNullOrWhiteSpace(source.ConnectionString))
                {
                    failures.Add($"{path}:ConnectionString is required.");
                }

                if (string.IsNullOrWhiteSpace(source.QueryFile))
                {
                    failures.Add($"{path}:QueryFile is required.");
                }
                else if (!File.Exists(source.QueryFile))
                {
                    failures.Add($"{path}:QueryFile: '{source.QueryFile}' does not exist (looked in {Path.GetFullPath(source.QueryFile)}).");
                }

                if (string.IsNullOrWhiteSpace(source.DateFormat))
                {
                    failures.Add($"{path}:DateFormat must not be empty (iso, d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy, yyyy/MM/dd, M/d/yyyy or a .NET format).");
                }

                if (!string.IsNullOrWhiteSpace(source.RosterQueryFile) && !File.Exists(source.RosterQueryFile))
                {
                    failures.Add($"{path}:RosterQueryFile: '{source.RosterQueryFile}' does not exist (looked in {Path.GetFullPath(source.RosterQueryFile)}).");
                }
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(source.TimeZone ?? string.Empty, out _))
            {
                failures.Add($"{path}:TimeZone: '{source.TimeZone}' is not a known time zone.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>An API source's settings; the secret is checked for presence only, never echoed.</summary>
    private static void ApiSettings(Api.ApiSourceOptions api, string path, List<string> failures)
    {
        if (!Uri.TryCreate(api.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{path}:BaseUrl: '{Printable.Escape(api.BaseUrl)}' must be the system's http(s) address, e.g. https://example.topdesk.net.");
        }
        else if (url.UserInfo.Length > 0)
        {
            failures.Add($"{path}:BaseUrl must not hold credentials; put them in {path}:User and {path}:Secret.");
        }

        if (string.IsNullOrWhiteSpace(api.Secret))
        {
            failures.Add($"{path}:Secret is required (the application password, API token or OAuth token; e.g. from the environment variable {path.Replace(":", "__", StringComparison.Ordinal)}__Secret).");
        }

        if (api.PageSize is < 1 or > 10_000)
        {
            failures.Add($"{path}:PageSize: '{api.PageSize}' must be between 1 and 10000.");
        }

        if (api.MaxRetries is < 0 or > 20)
        {
            failures.Add($"{path}:MaxRetries: '{api.MaxRetries}' must be between 0 and 20.");
        }

        if (api.RequestTimeout <= TimeSpan.Zero || api.MaxRetryWait < TimeSpan.Zero)
        {
            failures.Add($"{path}:RequestTimeout must be positive and MaxRetryWait not negative.");
        }
    }
}
