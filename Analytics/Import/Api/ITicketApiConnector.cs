using Analytics.Import.Sources;

namespace Analytics.Import.Api;

/// <summary>
/// One ticketing system's API, read into canonical tickets, their events and the roster. A connector only
/// reads and maps: the sync (<see cref="TicketSync"/>) stores each page, quarantines its problems and moves
/// the watermark, so every connector gets the same guarantees (idempotent, resumable, never past the store).
/// </summary>
public interface ITicketApiConnector
{
    /// <summary>The provider this connector serves.</summary>
    SourceProvider Provider { get; }

    /// <summary>The Authorization header the system expects for these settings (Basic, or Zendesk's "email/token").</summary>
    System.Net.Http.Headers.AuthenticationHeaderValue Authorization(ApiSourceOptions options);

    /// <summary>
    /// The records changed at or after <see cref="ApiReadRequest.Since"/>, page by page in the order the API
    /// gives them. Each page is stored before the next is asked for, so a crash between pages loses nothing.
    /// A failure the operator must fix (401, 403, a bad setting) is a <see cref="SourceQueryException"/> with
    /// one clear line; transient HTTP faults are retried inside <see cref="ApiClient"/>.
    /// </summary>
    IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The roster as the system knows it (groups and their members), as roster tables with the columns of a
    /// roster file (docs/roster.md); empty when the system offers none or the API user may not read it.
    /// </summary>
    Task<IReadOnlyList<ApiRosterTable>> ReadRosterAsync(ApiReadRequest request, CancellationToken cancellationToken);
}
