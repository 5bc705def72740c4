using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.Zendesk;

/// <summary>
/// Zendesk Support through its REST API (v2) with an API token.
/// <list type="number">
/// <item>The groups and agents: the names behind group_id, assignee_id and updater_id.</item>
/// <item>The cursor-based incremental ticket export (start_time, then after_cursor until end_of_stream), each
/// ticket with its metric set, page by page as it comes: a check sees the first pages at once.</item>
/// <item>The ticket event export from the same start to its end: every status, assignee and group change.
/// Read after the tickets, it covers every state they were delivered in; each ticket's changes go with the
/// state delivered, again, a page of such tickets at a time. A ticket changed after the export read it, or
/// never in the export (changed in its last minute), is fetched with show_many as it is now.</item>
/// </list>
/// Only the last page says how far the store is complete, and it says so from the event export: that export
/// had reached its end, so every update up to its latest one has been read, and every ticket changed before
/// then was in the ticket export (which selects on generated_timestamp, never earlier than updated_at) or was
/// fetched. Earlier pages say nothing (null): the ticket export's order is generated_timestamp, which the API
/// reference does not promise, and the changes come last; a run killed mid-way is read again from the same
/// watermark, which stores nothing twice.
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
    /// Zendesk's API token authentication: Basic with "{email}/token" and the token (Api:User is required at
    /// start for Zendesk). A user that already ends in "/token" is taken as it is.
    /// </summary>
    public AuthenticationHeaderValue Authorization(ApiSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var user = options.User.Trim();
        return ApiClient.Basic(user.EndsWith("/token", StringComparison.OrdinalIgnoreCase) ? user : user + "/token", options.Secret);
    }

    public async IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var client = request.Client;
        var source = request.Source.Name;
        var pageSize = Math.Clamp(request.Source.Api.PageSize, 1, MaxPageSize);
        var perPage = pageSize.ToString(CultureInfo.InvariantCulture);
        var directory = await ZendeskDirectory.LoadAsync(client, source, cancellationToken);

        // Empty while the tickets are read: the changes are read after them, so they cover every state delivered.
        var changes = new ZendeskChangeLog();
        var delivered = new Dictionary<long, Tickets.Ticket>();
        var skipped = new HashSet<long>();
        var path = $"{TicketsPath}?start_time={ZendeskJson.UnixSeconds(request.Since).ToString(CultureInfo.InvariantCulture)}&per_page={perPage}&include=metric_sets";
        var visited = new HashSet<string>(StringComparer.Ordinal);
        ApiPage held;
        while (true)
        {
            if (!visited.Add(path))
            {
                throw new SourceQueryException($"Source '{source}': {TicketsPath} gave the same cursor twice; the ticket export cannot be read to its end.");
            }

            using var document = await client.GetJsonAsync(path, cancellationToken);
            var page = Page(document, path, changes, directory, source, delivered, skipped);
            var root = document!.RootElement;
            if (ZendeskJson.Field(root, "end_of_stream") is { ValueKind: JsonValueKind.True })
            {
                // Held back until the changes show whether it is the last page.
                held = new ApiPage(page.Tickets, page.Problems, null);
                break;
            }

            yield return new ApiPage(page.Tickets, page.Problems, null);
            var cursor = ZendeskJson.Text(root, "after_cursor")
                ?? throw new SourceQueryException($"Source '{source}': {TicketsPath} said the export goes on but gave no after_cursor.");
            path = $"{TicketsPath}?cursor={Uri.EscapeDataString(cursor)}&per_page={perPage}&include=metric_sets";
        }

        // The changes since the watermark, read to the export's end. A ticket delivered in a state that holds all its
        // changes gets them with that state; one changed again after it was read, or never in the ticket export
        // (changed in its last minute), is fetched with show_many as it is now. Unreadable and deleted tickets
        // keep none; what show_many does not return was deleted.
        await changes.ReadAsync(client, source, request.Since, cancellationToken);
        var withChanges = new List<ApiTicket>();
        var fetch = new List<long>();
        foreach (var id in changes.Pending.Order().ToList())
        {
            if (skipped.Contains(id))
            {
                changes.Drop(id);
            }
            else if (delivered.TryGetValue(id, out var ticket) && changes.LastChangeOf(id) <= ticket.UpdatedAt)
            {
                withChanges.Add(new ApiTicket(ticket, ZendeskTicketMap.Events(ticket.TicketId, changes.Take(id), directory, source)));
            }
            else
            {
                fetch.Add(id);
            }
        }

        var pages = new List<Func<Task<ApiPage>>>();
        for (var i = 0; i < withChanges.Count; i += pageSize)
        {
            var slice = withChanges.GetRange(i, Math.Min(pageSize, withChanges.Count - i));
            pages.Add(() => Task.FromResult(new ApiPage(slice, [], null)));
        }

        for (var i = 0; i < fetch.Count; i += ShowManyBatch)
        {
            var batch = fetch.GetRange(i, Math.Min(ShowManyBatch, fetch.Count - i));
            pages.Add(async () =>
            {
                var ids = string.Join(',', batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
                using var document = await client.GetJsonAsync($"{ShowManyPath}?ids={ids}&include=metric_sets", cancellationToken);
                var page = Page(document, ShowManyPath, changes, directory, source, delivered, skipped);
                batch.ForEach(changes.Drop);
                return new ApiPage(page.Tickets, page.Problems, null);
            });
        }

        if (pages.Count == 0)
        {
            yield return held with { Problems = [.. held.Problems, .. changes.Problems], CompleteUpTo = changes.Latest };
            yield break;
        }

        yield return held with { Problems = [.. held.Problems, .. changes.Problems] };
        for (var i = 0; i < pages.Count; i++)
        {
            var page = await pages[i]();
            yield return i == pages.Count - 1 ? page with { CompleteUpTo = changes.Latest } : page;
        }
    }

    /// <summary>Maps one page of tickets, noting what was delivered (last state) and what was unreadable or deleted.</summary>
    private static (List<ApiTicket> Tickets, List<ApiRecordProblem> Problems) Page(JsonDocument? document, string path, ZendeskChangeLog changes, ZendeskDirectory directory, string source, Dictionary<long, Tickets.Ticket> delivered, HashSet<long> skipped)
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
                delivered[outcome.Id!.Value] = ticket.Ticket;
                skipped.Remove(outcome.Id.Value);
            }
            else
            {
                if (outcome.Id is { } key)
                {
                    skipped.Add(key);
                    delivered.Remove(key);
                }

                if (outcome.Problem is { } problem)
                {
                    problems.Add(problem);
                }
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
