namespace Analytics.Import.Api;

/// <summary>
/// An API source's address, credentials and reading options. Section "Sync:Sources:N:Api". Secrets may come
/// from the environment like any setting (Sync__Sources__0__Api__Secret) and are never logged.
/// </summary>
public sealed class ApiSourceOptions
{
    /// <summary>The system's address: https://example.topdesk.net, https://example.service-now.com, https://example.atlassian.net, https://example.zendesk.com.</summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// Who the API user is: TOPdesk's operator login name, ServiceNow's user name, the Atlassian account's
    /// e-mail, Zendesk's agent e-mail. Empty with a secret: the secret is sent as a bearer token (ServiceNow OAuth).
    /// </summary>
    public string User { get; set; } = string.Empty;

    /// <summary>TOPdesk's application password, ServiceNow's password or OAuth token, Jira's or Zendesk's API token.</summary>
    public string Secret { get; set; } = string.Empty;

    /// <summary>Records per page; each system caps it (TOPdesk 10000, ServiceNow 10000, Jira 100 per page of issues, Zendesk 1000). Default 100.</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>
    /// An extra filter in the system's own language, added to the changed-since condition: a FIQL clause for
    /// TOPdesk, an encoded query for ServiceNow, a JQL clause for Jira ("project = HELP"). Default: none.
    /// </summary>
    public string? Filter { get; set; }

    /// <summary>
    /// What to read. ServiceNow: the tables (default incident, sc_req_item, change_request, problem).
    /// TOPdesk: <c>incidents</c> and <c>changes</c> (default both; changes only where Change Management is licensed).
    /// </summary>
    public List<string> Tables { get; set; } = [];

    /// <summary>Longest wait for one HTTP response. Default 100 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>Retries of one request after a 429 or a 5xx before the run fails (it resumes from the watermark next run). Default 5.</summary>
    public int MaxRetries { get; set; } = 5;

    /// <summary>Longest wait the client accepts from a Retry-After or its own backoff. Default 2 minutes.</summary>
    public TimeSpan MaxRetryWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A copy to change for one use (a check that must not wait long) without touching the settings.</summary>
    public ApiSourceOptions Copy() => (ApiSourceOptions)MemberwiseClone();
}
