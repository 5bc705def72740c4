using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Import.Sources;
using Microsoft.Extensions.Logging;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// Jira Service Management Cloud over REST API v3 with an API token (Basic: the Atlassian account's e-mail
/// and the token). Issues updated since the watermark come from the enhanced JQL search
/// (<c>GET /rest/api/3/search/jql</c>, <c>nextPageToken</c> paging, <c>expand=changelog</c>), oldest update
/// first; a changelog the search cut short is read in full from <c>/rest/api/3/issue/{key}/changelog</c>.
/// The roster comes from groups and their members when the API user may read them.
/// </summary>
public sealed class JiraConnector(ILogger<JiraConnector> logger) : ITicketApiConnector
{
    /// <summary>The enhanced search gives up to 5000 issues a page with few fields; with changelogs fewer. 100 is the documented sweet spot.</summary>
    private const int MaxPageSize = 100;

    /// <summary>The changelog endpoint's own cap per page.</summary>
    private const int ChangelogPageSize = 100;

    public SourceProvider Provider => SourceProvider.Jira;

    public AuthenticationHeaderValue Authorization(ApiSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.User))
        {
            // Jira Cloud takes an API token only with its account's e-mail; without it every request is a 401 that says less.
            throw new SourceQueryException("Api:User is required for Jira: the e-mail of the Atlassian account the API token (Api:Secret) belongs to.");
        }

        return ApiClient.Basic(options.User.Trim(), options.Secret);
    }

    public async IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = await JiraFields.ReadAsync(request.Client, cancellationToken);
        var jql = JiraJql.ChangedSince(request.Source.Name, request.Since, request.Zone, request.Source.Api.Filter);
        var pageSize = Math.Clamp(request.Source.Api.PageSize, 1, MaxPageSize);
        string? token = null;
        while (true)
        {
            using var json = await request.Client.GetJsonAsync(JiraJql.SearchQuery(jql, fields.SearchFields, pageSize, token), cancellationToken);
            if (json is null)
            {
                yield break;
            }

            var root = json.RootElement;
            var page = await MapPageAsync(request, fields, JiraJson.Items(root, "issues").ToList(), cancellationToken);
            if (page.Tickets.Count + page.Problems.Count > 0)
            {
                yield return page;
            }

            var next = JiraJson.Text(root, "nextPageToken");
            if (JiraJson.Flag(root, "isLast") == true || next is null)
            {
                yield break;
            }

            if (next == token)
            {
                throw new SourceQueryException($"Source '{request.Source.Name}': {JiraJql.SearchPath} gave the same nextPageToken twice; stopped rather than read the same page forever.");
            }

            token = next;
        }
    }

    public Task<IReadOnlyList<ApiRosterTable>> ReadRosterAsync(ApiReadRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return JiraRoster.ReadAsync(request, logger, cancellationToken);
    }

    private async Task<ApiPage> MapPageAsync(ApiReadRequest request, JiraFields fields, List<JsonElement> issues, CancellationToken cancellationToken)
    {
        var tickets = new List<ApiTicket>();
        var problems = new List<ApiRecordProblem>();
        DateTimeOffset? last = null;
        foreach (var issue in issues)
        {
            var histories = await HistoriesAsync(request, issue, cancellationToken);
            var result = JiraIssueMapper.Map(issue, histories, fields, request.Source.Name, request.Zone);
            if (result.Ticket is { } ticket)
            {
                tickets.Add(ticket);
            }
            else if (result.Problem is { } problem)
            {
                problems.Add(problem);
            }

            if (result.Updated is { } updated && (last is null || updated > last))
            {
                last = updated;
            }
        }

        // Ascending by update: every issue updated before the page's newest has been delivered; one updated
        // at that instant may still come on the next page, so the watermark may go to it but not past it.
        return new ApiPage(tickets, problems, last);
    }

    /// <summary>
    /// The issue's changelog: the search's when complete, else (changelog.total above the histories given;
    /// the enhanced search gives at most 40, newest first) the whole of it from the changelog endpoint.
    /// </summary>
    private async Task<List<JsonElement>> HistoriesAsync(ApiReadRequest request, JsonElement issue, CancellationToken cancellationToken)
    {
        var changelog = JiraJson.Property(issue, "changelog");
        var given = changelog is { } c ? JiraJson.Items(c, "histories").Select(h => h.Clone()).ToList() : [];
        var total = changelog is { } cl ? JiraJson.Whole(cl, "total") : null;
        var key = JiraJson.Text(issue, "key");
        if (key is null || total is null || total <= given.Count)
        {
            return given;
        }

        JiraLog.ReadingFullChangelog(logger, request.Source.Name, key, total.Value);
        var all = new List<JsonElement>();
        while (true)
        {
            using var json = await request.Client.GetJsonAsync(JiraJql.ChangelogQuery(key, all.Count, ChangelogPageSize), cancellationToken);
            var values = json is null ? [] : JiraJson.Items(json.RootElement, "values").Select(h => h.Clone()).ToList();
            all.AddRange(values);
            if (json is null || values.Count == 0 || JiraJson.Flag(json.RootElement, "isLast") == true
                || (JiraJson.Whole(json.RootElement, "total") is { } t && all.Count >= t))
            {
                return all;
            }
        }
    }
}
