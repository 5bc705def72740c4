using System.Globalization;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.Jira;

/// <summary>The enhanced search's request: the JQL of the changed-since window and the query string around it.</summary>
internal static class JiraJql
{
    public const string SearchPath = "/rest/api/3/search/jql";

    /// <summary>
    /// <c>updated &gt;= "yyyy/MM/dd HH:mm" [AND (filter)] ORDER BY updated ASC</c>: JQL reads the time in the API
    /// user's zone to the minute, so the window starts at the minute before <paramref name="since"/>.
    /// </summary>
    public static string ChangedSince(string source, DateTimeOffset since, TimeZoneInfo zone, string? filter)
    {
        if (filter is not null && filter.Contains("ORDER BY", StringComparison.OrdinalIgnoreCase))
        {
            // The window's own order (oldest update first) is what makes the watermark safe.
            throw new SourceQueryException($"Source '{source}': Api:Filter '{Printable.Escape(filter)}' has an ORDER BY; give only a JQL condition such as project = HELP (the connector orders by updated).");
        }

        var window = $"updated >= \"{JiraTime.JqlMinute(since, zone)}\"";
        if (!string.IsNullOrWhiteSpace(filter))
        {
            window += $" AND ({filter.Trim()})";
        }

        return window + " ORDER BY updated ASC";
    }

    public static string SearchQuery(string jql, string fields, int maxResults, string? nextPageToken)
    {
        var query = string.Create(
            CultureInfo.InvariantCulture,
            $"{SearchPath}?jql={Uri.EscapeDataString(jql)}&fields={Uri.EscapeDataString(fields)}&expand=changelog&maxResults={maxResults}");
        return nextPageToken is null ? query : query + "&nextPageToken=" + Uri.EscapeDataString(nextPageToken);
    }

    /// <summary>The changelog endpoint, oldest entry first: <c>/rest/api/3/issue/{key}/changelog</c>.</summary>
    public static string ChangelogQuery(string key, int startAt, int maxResults) =>
        string.Create(CultureInfo.InvariantCulture, $"/rest/api/3/issue/{Uri.EscapeDataString(key)}/changelog?startAt={startAt}&maxResults={maxResults}");
}
