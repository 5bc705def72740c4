using System.Globalization;
using System.Text.Json;
using Analytics.Import.Sources;

namespace Analytics.Import.Api.Zendesk;

/// <summary>Reads the few JSON shapes Zendesk uses: 64-bit ids (numbers, or text in change events), ISO instants, unix seconds.</summary>
internal static class ZendeskJson
{
    /// <summary>The property, or null when it is absent or JSON null.</summary>
    public static JsonElement? Field(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>Text of a string, number or boolean property; null when absent, null or empty.</summary>
    public static string? Text(JsonElement obj, string name) => Field(obj, name) is { } value ? Text(value) : null;

    public static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>An id given as a JSON number or as digits in a string (change events carry ids as either).</summary>
    public static bool TryId(JsonElement value, out long id)
    {
        id = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out id),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out id),
            _ => false,
        };
    }

    /// <summary>An optional id property: null when absent or null, false when present but not an id.</summary>
    public static bool TryOptionalId(JsonElement obj, string name, out long? id)
    {
        id = null;
        if (Field(obj, name) is not { } value)
        {
            return true;
        }

        if (!TryId(value, out var parsed))
        {
            return false;
        }

        id = parsed;
        return true;
    }

    /// <summary>An optional ISO 8601 instant: null when absent, false when present but unreadable.</summary>
    public static bool TryInstant(JsonElement obj, string name, out DateTimeOffset? instant)
    {
        instant = null;
        if (Field(obj, name) is not { } value)
        {
            return true;
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            instant = parsed;
            return true;
        }

        return false;
    }

    /// <summary>A whole number property (metric counts); null when absent or not a number.</summary>
    public static int? WholeNumber(JsonElement obj, string name) =>
        Field(obj, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : null;

    /// <summary>Seconds since 1970 as Zendesk's start_time takes them; times before 1970 start at 0.</summary>
    public static long UnixSeconds(DateTimeOffset instant) => Math.Max(0, instant.ToUnixTimeSeconds());

    /// <summary>
    /// The path and query of a "next page" address. Only the path is followed, always against Api:BaseUrl, so a
    /// link can never send the credentials to another host.
    /// </summary>
    public static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : url;

    /// <summary>The named array of a response, or one clear line when the answer has another shape.</summary>
    public static JsonElement Array(JsonDocument? document, string name, string sourceName, string path)
    {
        if (document?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array)
        {
            return array;
        }

        throw new SourceQueryException($"Source '{sourceName}': {Bare(path)} answered without a '{name}' list; is Api:BaseUrl the Zendesk address (https://yourcompany.zendesk.com)?");
    }

    /// <summary>The path without its query string, for messages.</summary>
    public static string Bare(string path)
    {
        var q = path.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? path : path[..q];
    }
}
