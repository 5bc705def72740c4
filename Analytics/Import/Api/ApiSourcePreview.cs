using Analytics.Import.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Import.Api;

/// <summary>What an API source would give a sync now, read without storing anything.</summary>
/// <param name="Since">Where the sync would start reading: the watermark less the overlap.</param>
/// <param name="Records">Changed records read (mapped and unmappable).</param>
/// <param name="Problems">Of those, the records that would be quarantined.</param>
/// <param name="Complete">False when the preview stopped at its page limit: there are at least <paramref name="Records"/>.</param>
/// <param name="Sample">The first mapped records, to show the mapping.</param>
/// <param name="FirstProblems">The first unmappable records, with the reason.</param>
/// <param name="RosterRows">Rows of the roster tables, or null when the roster was not read.</param>
public sealed record ApiPreview(
    DateTimeOffset Since,
    long Records,
    long Problems,
    bool Complete,
    IReadOnlyList<ApiTicket> Sample,
    IReadOnlyList<ApiRecordProblem> FirstProblems,
    int? RosterRows);

/// <summary>
/// Reads an API source the way a sync would (same connector, client and window) but stores nothing and leaves
/// the watermark alone: for <c>check</c> (connect, count a few pages) and <c>sync --dry-run</c> (count all).
/// </summary>
public sealed class ApiSourcePreview(ApiConnectors connectors, SyncStateStore state, IOptions<SyncOptions> options, TimeProvider time, ILogger<ApiSourcePreview>? logger = null)
{
    /// <summary>
    /// Reads at most <paramref name="maxPages"/> pages (null: all) and, if asked, the roster. With
    /// <paramref name="maxRetries"/> a check answers quickly instead of waiting out a busy server.
    /// </summary>
    public async Task<ApiPreview> ReadAsync(TicketSourceOptions source, int? maxPages, bool roster, int sampleSize, CancellationToken cancellationToken, int? maxRetries = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        var connector = connectors.For(source);
        var zone = TicketSync.ZoneOf(source);
        var since = TicketSync.ReadFrom((await state.GetAsync(source.Name, cancellationToken))?.Watermark, options.Value.Overlap);

        var api = source.Api.Copy();
        api.MaxRetries = maxRetries ?? api.MaxRetries;
        using var client = new ApiClient(source.Name, api, connector.Authorization(source.Api), time, logger ?? (ILogger)NullLogger.Instance);
        var request = new ApiReadRequest(source, since, time.GetUtcNow() + options.Value.ClockSkew, client, zone);
        var (records, problems, pages, complete) = (0L, 0L, 0, true);
        var sample = new List<ApiTicket>();
        var firstProblems = new List<ApiRecordProblem>();
        await foreach (var page in connector.ReadChangedAsync(request, cancellationToken).WithCancellation(cancellationToken))
        {
            records += page.Tickets.Count + page.Problems.Count;
            problems += page.Problems.Count;
            sample.AddRange(page.Tickets.Take(sampleSize - sample.Count));
            firstProblems.AddRange(page.Problems.Take(sampleSize - firstProblems.Count));
            if (++pages == maxPages)
            {
                complete = false;
                break;
            }
        }

        int? rosterRows = null;
        if (roster)
        {
            rosterRows = (await connector.ReadRosterAsync(request, cancellationToken)).Sum(t => t.Rows.Count);
        }

        return new ApiPreview(since, records, problems, complete, sample, firstProblems, rosterRows);
    }
}
