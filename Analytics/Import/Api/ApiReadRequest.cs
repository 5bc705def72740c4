using Analytics.Import.Sources;

namespace Analytics.Import.Api;

/// <summary>What a connector reads: from which source, changed since when, through which client.</summary>
/// <param name="Source">The source's settings (name, base URL, credentials, filters).</param>
/// <param name="Since">Read records changed at or after this instant (the watermark less the overlap).</param>
/// <param name="Until">Now plus the allowed clock skew; a record changed later is the sync's to quarantine.</param>
/// <param name="Client">The HTTP client for this source, with its authentication and retries.</param>
/// <param name="Zone">The zone of times the API gives without an offset (TOPdesk's, Jira's JQL).</param>
public sealed record ApiReadRequest(
    TicketSourceOptions Source,
    DateTimeOffset Since,
    DateTimeOffset Until,
    ApiClient Client,
    TimeZoneInfo Zone);
