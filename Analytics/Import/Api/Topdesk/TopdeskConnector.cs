using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Import.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Import.Api.Topdesk;

/// <summary>
/// TOPdesk's REST API (/tas/api), read with an operator's application password over Basic authentication:
/// changes (operatorChanges, where Change Management is licensed) and then incidents changed since the
/// watermark, and the roster from operator groups and their operators. See docs/sync-topdesk.md.
/// </summary>
public sealed class TopdeskConnector : ITicketApiConnector
{
    /// <summary>TOPdesk's cap on pageSize for incidents.</summary>
    public const int MaxIncidentPage = 10_000;

    /// <summary>TOPdesk's cap on pageSize for operator changes.</summary>
    public const int MaxChangePage = 5_000;

    private const string IncidentFields =
        "id,number,status,briefDescription,callType,entryType,category,subcategory,priority,operatorGroup,operator,"
        + "processingStatus,callDate,creationDate,modificationDate,targetDate,responded,responseDate,completed,completedDate,"
        + "closed,closedDate,timeSpent";

    private readonly ILogger _logger;
    private readonly TimeProvider _time;

    public TopdeskConnector(ILogger<TopdeskConnector>? logger = null, TimeProvider? time = null)
    {
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _time = time ?? TimeProvider.System;
    }

    public SourceProvider Provider => SourceProvider.TOPdesk;

    public AuthenticationHeaderValue Authorization(ApiSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.User))
        {
            // An application password belongs to one operator; without the login name every request is a bare 401.
            throw new SourceQueryException("Api:User is required for TOPdesk: the login name of the operator the application password (Api:Secret) belongs to.");
        }

        return ApiClient.Basic(options.User.Trim(), options.Secret);
    }

    public async IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (incidents, changes) = Tables(request.Source);

        // Changes are read first and give no progress of their own: while they are read an incident's progress
        // would be a promise about changes not yet delivered. Once they are all in, every change modified before
        // the read began is delivered, so incident pages may move the watermark up to that instant (the worker's
        // clock less the allowed skew, in case TOPdesk's clock is ahead).
        DateTimeOffset? changesComplete = null;
        if (changes)
        {
            if (incidents)
            {
                // One record's worth first: a user without incident rights fails here, not after all the changes
                // (and a check, which reads only the first pages, does not pass on changes alone).
                using var probe = await request.Client.GetJsonAsync("/tas/api/incidents?pageStart=0&pageSize=1&fields=id", cancellationToken);
            }

            var began = _time.GetUtcNow();
            var skew = request.Until - began;
            await foreach (var page in ReadChangesAsync(request, cancellationToken))
            {
                yield return page;
            }

            changesComplete = began - (skew > TimeSpan.Zero ? skew : TimeSpan.Zero);
        }

        if (incidents)
        {
            await foreach (var page in ReadIncidentsAsync(request, changesComplete, cancellationToken))
            {
                yield return page;
            }
        }
    }

    /// <summary>
    /// Incidents in modificationDate order. Each next page asks again from the last modification seen (keyset
    /// paging) rather than at an offset: an incident modified while the sync pages moves to the end of the
    /// list, and an offset would then skip the one that slid into its place. Records already delivered at the
    /// boundary second are recognised by id and modification time; only a boundary second holding more than a
    /// page of records is paged through by offset.
    /// </summary>
    private static async IAsyncEnumerable<ApiPage> ReadIncidentsAsync(ApiReadRequest request, DateTimeOffset? cap, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Clamp(request.Source.Api.PageSize, 1, MaxIncidentPage);
        var lower = TopdeskFiql.Floor(request.Since);
        var offset = 0;
        var delivered = new HashSet<(string, string?)>();
        DateTimeOffset? last = null;
        while (true)
        {
            var query = Uri.EscapeDataString(TopdeskFiql.ChangedSince(lower, request.Source.Api.Filter));
            var path = $"/tas/api/incidents?pageStart={offset}&pageSize={size}&sort=modificationDate:asc,id:asc&all=true&query={query}&fields={IncidentFields}";
            using var json = await request.Client.GetJsonAsync(path, cancellationToken);
            var records = Records(json, request.Source.Name, "/tas/api/incidents");
            if (records.Count == 0)
            {
                yield break;
            }

            var tickets = new List<ApiTicket>();
            var problems = new List<ApiRecordProblem>();
            foreach (var record in records)
            {
                var modified = Modified(record, request.Zone);
                if (!delivered.Add((Identity(record), Raw(record, "modificationDate"))))
                {
                    continue;
                }

                var (ticket, wrong) = TopdeskIncidentMapper.Map(record, request.Source.Name, request.Zone);
                Collect(ticket, wrong, modified, tickets, problems);
                if (modified is { } m && (last is null || m > last))
                {
                    last = m;
                }
            }

            yield return new ApiPage(tickets, problems, Capped(last, cap));
            if (records.Count < size)
            {
                yield break;
            }

            var next = last is { } l ? TopdeskFiql.Floor(l) : lower;
            if (next == lower)
            {
                offset += records.Count;
            }
            else
            {
                lower = next;
                offset = 0;
                delivered.RemoveWhere(d => d.Item2 is null || TopdeskFields.Parse(d.Item2, request.Zone) is not { } at || at < lower);
            }
        }
    }

    /// <summary>
    /// Operator changes changed since the watermark, by offset in creation order (the change API does not sort
    /// by modificationDate, and creation order does not move when a change is modified while the sync pages).
    /// A 403 or 404 on the first page means Change Management is not licensed or not readable: one log line, no
    /// failure; a 400 (a change API that does not take the query) is a warning and no failure either.
    /// </summary>
    private async IAsyncEnumerable<ApiPage> ReadChangesAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var size = Math.Clamp(request.Source.Api.PageSize, 1, MaxChangePage);
        var query = Uri.EscapeDataString(TopdeskFiql.ChangedSince(request.Since, filter: null));
        for (var offset = 0; ; )
        {
            var path = $"/tas/api/operatorChanges?pageStart={offset}&pageSize={size}&sort=creationDate:asc&query={query}";
            JsonDocument? json;
            try
            {
                json = await request.Client.GetJsonAsync(path, cancellationToken);
            }
            catch (SourceQueryException ex) when (offset == 0 && NotLicensed(ex))
            {
                TopdeskLog.ChangesSkipped(_logger, request.Source.Name, ex.Message);
                yield break;
            }
            catch (SourceQueryException ex) when (offset == 0 && ex.HttpStatus == 400)
            {
                // An older change API that cannot filter on modificationDate must not stop the incidents.
                TopdeskLog.ChangeQueryRefused(_logger, request.Source.Name, ex.Message);
                yield break;
            }

            using (json)
            {
                var records = Records(json, request.Source.Name, "/tas/api/operatorChanges");
                if (records.Count == 0)
                {
                    yield break;
                }

                var tickets = new List<ApiTicket>();
                var problems = new List<ApiRecordProblem>();
                foreach (var record in records)
                {
                    var (ticket, wrong) = TopdeskChangeMapper.Map(record, request.Source.Name, request.Zone);
                    Collect(ticket, wrong, Modified(record, request.Zone), tickets, problems);
                }

                yield return new ApiPage(tickets, problems, CompleteUpTo: null);
                if (records.Count < size)
                {
                    yield break;
                }

                offset += records.Count;
            }
        }
    }

    public Task<IReadOnlyList<ApiRosterTable>> ReadRosterAsync(ApiReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new TopdeskRoster(request, _logger).ReadAsync(cancellationToken);
    }

    /// <summary>Which of incidents and changes to read: Api:Tables, default both.</summary>
    private static (bool Incidents, bool Changes) Tables(TicketSourceOptions source)
    {
        if (source.Api.Tables.Count == 0)
        {
            return (true, true);
        }

        bool incidents = false, changes = false;
        foreach (var table in source.Api.Tables)
        {
            switch (table.Trim().ToLowerInvariant())
            {
                case "incidents":
                    incidents = true;
                    break;
                case "changes" or "operatorchanges":
                    changes = true;
                    break;
                default:
                    throw new SourceQueryException($"Source '{source.Name}': Api:Tables has '{Printable.Escape(table)}'; TOPdesk sources read 'incidents' and 'changes'.");
            }
        }

        return (incidents, changes);
    }

    /// <summary>
    /// The records of one answer: TOPdesk lists incidents and operators as a JSON array and changes as
    /// {"results": [...]}; 204 No Content (null) is an empty page. 206 Partial Content and 200 differ only in
    /// whether more follows, which a page shorter than asked for also tells.
    /// </summary>
    internal static List<JsonElement> Records(JsonDocument? json, string source, string path)
    {
        if (json is null)
        {
            return [];
        }

        var root = json.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("results", out var results))
        {
            root = results;
        }

        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new SourceQueryException($"Source '{source}': {path} did not answer with a list of records; is Api:BaseUrl the TOPdesk address (https://example.topdesk.net)?");
        }

        return [.. root.EnumerateArray()];
    }

    private static void Collect(ApiTicket? ticket, IReadOnlyList<ApiRecordProblem> wrong, DateTimeOffset? modified, List<ApiTicket> tickets, List<ApiRecordProblem> problems)
    {
        if (ticket is not null)
        {
            tickets.Add(ticket);
            return;
        }

        problems.AddRange(wrong.Select(p => p with { UpdatedAt = modified }));
    }

    private static bool NotLicensed(SourceQueryException ex) =>
        ex.HttpStatus is 403 or 404;

    private static DateTimeOffset? Capped(DateTimeOffset? last, DateTimeOffset? cap) =>
        last is { } l && cap is { } c && c < l ? c : last;

    private static DateTimeOffset? Modified(JsonElement record, TimeZoneInfo zone) =>
        Raw(record, "modificationDate") is { } text ? TopdeskFields.Parse(text, zone) : null;

    private static string Identity(JsonElement record) => Raw(record, "id") ?? Raw(record, "number") ?? record.GetRawText();

    private static string? Raw(JsonElement record, string name) =>
        record.ValueKind == JsonValueKind.Object && record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
