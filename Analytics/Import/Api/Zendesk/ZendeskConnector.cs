using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.Zendesk;

/// <summary>
/// Zendesk Support through its REST API (v2) with an API token.
/// <list type="number">
/// <item>The groups and agents, for the names behind group_id, assignee_id and updater_id.</item>
/// <item>The ticket event export from the watermark to its end: status, assignee and group changes.</item>
/// <item>The cursor-based incremental ticket export (start_time, then after_cursor until end_of_stream), each
/// ticket with its metric set and the changes read in step 2. Tickets that had changes but were not in the
/// export (changed again in the last minute) are fetched with show_many, so no change waits for a ticket.</item>
/// </list>
/// Only the last page says how far the store is complete, and it says so from the event export: the export
/// had reached its end, so every update up to its latest one has been read, and any ticket changed before
/// then was in the ticket export (which selects by generated_timestamp, never earlier than updated_at) or
/// was fetched. Earlier pages say nothing: the ticket export's order is by generated_timestamp, which the
/// documentation does not promise, so a crash mid-run means the next run reads the same window again.
/// </summary>
public sealed class ZendeskConnector : ITicketApiConnector
{
    public const string TicketsPath = "/api/v2/incremental/tickets/cursor.json";
    public const string ShowManyPath = "/api/v2/tickets/show_many.json";

    /// <summary>The ticket export's most per page.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>show_many's most ids per request.</summary>
    private const int ShowManyBatch = 100;

    public SourceProvider Provider => SourceProvider.Zendesk;

    /// <summary>
    /// Zendesk's API token authentication: Basic with "{email}/token" and the token. Without a user the
    /// secret is sent as an OAuth bearer token.
    /// </summary>
    public AuthenticationHeaderValue Authorization(ApiSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.User))
        {
            return ApiClient.Bearer(options.Secret);
        }

        var user = options.User.Trim();
        return ApiClient.Basic(user.EndsWith("/token", StringComparison.OrdinalIgnoreCase) ? user : user + "/token", options.Secret);
    }

    public async IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = request.Client;
        var source = request.Source.Name;
        var directory = await ZendeskDirectory.LoadAsync(client, source, cancellationToken);
        var changes = await ZendeskChangeLog.ReadAsync(client, source, request.Since, cancellationToken);
        var perPage = Math.Clamp(request.Source.Api.PageSize, 1, MaxPageSize).ToString(CultureInfo.InvariantCulture);
        var problems = new List<ApiRecordProblem>(changes.Problems);

        var path = $"{TicketsPath}?start_time={ZendeskJson.UnixSeconds(request.Since).ToString(CultureInfo.InvariantCulture)}&per_page={perPage}&include=metric_sets";
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (!visited.Add(path))
            {
                throw new SourceQueryException($"Source '{source}': {TicketsPath} gave the same cursor twice; the ticket export cannot be read to its end.");
            }

            using var document = await client.GetJsonAsync(path, cancellationToken);
            var page = Page(document, path, changes, directory, source);
            page.Problems.InsertRange(0, problems);
            problems.Clear();
            var root = document!.RootElement;
            if (ZendeskJson.Field(root, "end_of_stream") is { ValueKind: JsonValueKind.True })
            {
                var last = changes.Pending.Count == 0;
                yield return new ApiPage(page.Tickets, page.Problems, last ? changes.Latest : null);
                if (last)
                {
                    yield break;
                }

                break;
            }

            yield return new ApiPage(page.Tickets, page.Problems, null);
            var cursor = ZendeskJson.Text(root, "after_cursor")
                ?? throw new SourceQueryException($"Source '{source}': {TicketsPath} said the export goes on but gave no after_cursor.");
            path = $"{TicketsPath}?cursor={Uri.EscapeDataString(cursor)}&per_page={perPage}&include=metric_sets";
        }

        // Tickets changed in the window but missing from the export: changed again within the export's last
        // minute, or deleted. show_many returns the first as they are now; what it does not return was deleted,
        // and its changes have no ticket to go with.
        var pending = changes.Pending.Order().ToList();
        for (var i = 0; i < pending.Count; i += ShowManyBatch)
        {
            var batch = pending.Skip(i).Take(ShowManyBatch).ToList();
            var ids = string.Join(',', batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            using var document = await client.GetJsonAsync($"{ShowManyPath}?ids={ids}&include=metric_sets", cancellationToken);
            var page = Page(document, ShowManyPath, changes, directory, source);
            batch.ForEach(changes.Drop);
            var last = i + ShowManyBatch >= pending.Count;
            yield return new ApiPage(page.Tickets, page.Problems, last ? changes.Latest : null);
        }
    }

    private static (List<ApiTicket> Tickets, List<ApiRecordProblem> Problems) Page(JsonDocument? document, string path, ZendeskChangeLog changes, ZendeskDirectory directory, string source)
    {
        var records = ZendeskJson.Array(document, "tickets", source, path);
        var metrics = new Dictionary<long, JsonElement>();
        if (ZendeskJson.Field(document!.RootElement, "metric_sets") is { ValueKind: JsonValueKind.Array } sets)
        {
            foreach (var set in sets.EnumerateArray())
            {
                if (ZendeskJson.Field(set, "ticket_id") is { } ticketId && ZendeskJson.TryId(ticketId, out var id))
                {
                    metrics[id] = set;
                }
            }
        }

        var tickets = new List<ApiTicket>();
        var problems = new List<ApiRecordProblem>();
        foreach (var record in records.EnumerateArray())
        {
            JsonElement? metric = ZendeskJson.Field(record, "id") is { } idValue && ZendeskJson.TryId(idValue, out var id) && metrics.TryGetValue(id, out var set) ? set : null;
            var outcome = ZendeskTicketMap.Map(record, metric, changes, directory, source);
            if (outcome.Ticket is { } ticket)
            {
                tickets.Add(ticket);
            }
            else if (outcome.Problem is { } problem)
            {
                problems.Add(problem);
            }
        }

        return (tickets, problems);
    }

    public async Task<IReadOnlyList<ApiRosterTable>> ReadRosterAsync(ApiReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ZendeskRoster.ReadAsync(request.Client, request.Source.Name, cancellationToken);
    }
}
