using System.Runtime.CompilerServices;
using System.Text.Json;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.Zendesk;

/// <summary>
/// Reads a list endpoint with Zendesk's cursor pagination (page[size], then links.next while meta.has_more),
/// the documented way for groups, users and group memberships.
/// </summary>
internal static class ZendeskList
{
    /// <summary>The most a list page holds (Zendesk caps these endpoints at 100).</summary>
    public const int PageSize = 100;

    /// <summary>Every item of <paramref name="name"/> on every page, each cloned so it outlives its page.</summary>
    public static async IAsyncEnumerable<JsonElement> ReadAllAsync(ApiClient client, string sourceName, string firstPath, string name, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var path = firstPath + (firstPath.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "page%5Bsize%5D=" + PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            if (!visited.Add(path))
            {
                throw new SourceQueryException($"Source '{sourceName}': {ZendeskJson.Bare(path)} gave the same next page twice; the list cannot be read to its end.");
            }

            using var document = await client.GetJsonAsync(path, cancellationToken);
            var items = ZendeskJson.Array(document, name, sourceName, path);
            foreach (var item in items.EnumerateArray())
            {
                yield return item.Clone();
            }

            var root = document!.RootElement;
            var hasMore = ZendeskJson.Field(root, "meta") is { } meta && ZendeskJson.Field(meta, "has_more") is { ValueKind: JsonValueKind.True };
            var next = ZendeskJson.Field(root, "links") is { } links ? ZendeskJson.Text(links, "next") : null;
            if (!hasMore || next is null)
            {
                yield break;
            }

            path = ZendeskJson.PathOf(next);
        }
    }
}
