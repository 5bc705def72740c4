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
/// <item>The ticket event export from the watermark to its end: every status, assignee and group change.</item>
/// <item>The cursor-based incremental ticket export (start_time, then after_cursor until end_of_stream), each
/// ticket with its metric set and its changes from step 2.</item>
/// <item>The event export once more from where step 2 ended: the changes made while step 3 ran go with the
/// ticket as step 3 delivered it; tickets that had changes but were not in the export (changed again in its
/// last minute) are fetched with show_many as they are now. So no change is left waiting for its ticket.</item>
/// </list>
/// Only the last page says how far the store is complete, and it says so from the event export: that export
/// had reached its end, so every update up to its latest one has been read, and every ticket changed before
/// then was in the ticket export (which selects on generated_timestamp, never earlier than updated_at) or was
/// fetched. Earlier pages say nothing (null): the ticket export's order is generated_timestamp, which the API
/// reference does not promise, and changes are read a window at a time; a run killed mid-way is read again
/// from the same watermark, which stores nothing twice.
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
        var directory = await ZendeskDirectory.LoadAsync(client, source, cancellationToken);
        var changes = new ZendeskChangeLog();
        await changes.ReadAsync(client, source, request.Since, cancellationToken);
        var readUpTo = changes.Latest;
        var firstProblems = changes.Problems.Count;
        var perPage = Math.Clamp(request.Source.Api.PageSize, 1, MaxPageSize).ToString(CultureInfo.InvariantCulture);
        var problems = new List<ApiRecordProblem>(changes.Problems);

        // Tickets delivered in a state newer than the changes read so far: changed while this run read them.
        var late = new Dictionary<long, Tickets.Ticket>();
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
            var page = Page(document, path, changes, directory, source);
            page.Problems.InsertRange(0, problems);
            problems.Clear();
            foreach (var item in page.Tickets)
            {
                if (readUpTo is { } upTo ? item.Ticket.UpdatedAt > upTo : item.Ticket.UpdatedAt >= request.Since)
                {
                    late[long.Parse(item.Ticket.TicketId, CultureInfo.InvariantCulture)] = item.Ticket;
                }
            }

            var root = document!.RootElement;
            if (ZendeskJson.Field(root, "end_of_stream") is { ValueKind: JsonValueKind.True })
            {
                // Held back until the catch-up below shows whether it is the last page.
                held = new ApiPage(page.Tickets, page.Problems, null);
                break;
            }

            yield return new ApiPage(page.Tickets, page.Problems, null);
            var cursor = ZendeskJson.Text(root, "after_cursor")
                ?? throw new SourceQueryException($"Source '{source}': {TicketsPath} said the export goes on but gave no after_cursor.");
            path = $"{TicketsPath}?cursor={Uri.EscapeDataString(cursor)}&per_page={perPage}&include=metric_sets";
        }

        // Catch-up: the changes made while the tickets were read. Those of tickets this run delivered go with the
        // state delivered; the others (tickets changed again in the export's last minute, or changed after it)
        // are fetched with show_many as they are now. What show_many does not return was deleted.
        await changes.ReadAsync(client, source, readUpTo ?? request.Since, cancellationToken);
        var catchUp = new List<ApiTicket>();
        var fetch = new List<long>();
        foreach (var id in changes.Pending.Order().ToList())
        {
            // The state delivered holds these changes unless the ticket changed again after it was read.
            if (late.TryGetValue(id, out var ticket) && changes.LastChangeOf(id) <= ticket.UpdatedAt)
            {
                catchUp.Add(new ApiTicket(ticket, ZendeskTicketMap.Events(ticket.TicketId, changes.Take(id), directory, source)));
            }
            else
            {
                fetch.Add(id);
            }
        }

        var lateProblems = changes.Problems.Skip(firstProblems).ToList();
        if (catchUp.Count == 0 && fetch.Count == 0)
        {
            yield return held with { Problems = [.. held.Problems, .. lateProblems], CompleteUpTo = changes.Latest };
            yield break;
        }

        yield return held;
        for (var i = 0; i < fetch.Count; i += ShowManyBatch)
        {
            var batch = fetch.Skip(i).Take(ShowManyBatch).ToList();
            var ids = string.Join(',', batch.Select(id => id.ToString(CultureInfo.InvariantCulture)));
            using var document = await client.GetJsonAsync($"{ShowManyPath}?ids={ids}&include=metric_sets", cancellationToken);
            var page = Page(document, ShowManyPath, changes, directory, source);
            batch.ForEach(changes.Drop);
            yield return new ApiPage(page.Tickets, page.Problems, null);
        }

        yield return new ApiPage(catchUp, lateProblems, changes.Latest);
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
