using System.Globalization;
using System.Text.Json;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// Reads the pieces of Jira's JSON the connector needs. Jira leaves a field out, sets it to null or gives an
/// object where a name is wanted ({"name": ...}, {"displayName": ...}, {"value": ...}); all read the same.
/// </summary>
internal static class JiraJson
{
    /// <summary>The property when <paramref name="element"/> is an object that has it and it is not null.</summary>
    public static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>A string property, trimmed; numbers read as their text; empty reads as null.</summary>
    public static string? Text(JsonElement element, string name) => Property(element, name) is { } value ? Text(value) : null;

    public static string? Text(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    /// <summary>
    /// What a person reads for a value: the string itself, or an object's displayName, name, title or value
    /// (users, priorities, components, teams, select options).
    /// </summary>
    public static string? Name(JsonElement? value)
    {
        if (value is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Object)
        {
            return Text(v);
        }

        return Text(v, "displayName") ?? Text(v, "name") ?? Text(v, "title") ?? Text(v, "value");
    }

    /// <summary>An integer property, or null when it is missing or not a whole number.</summary>
    public static long? Whole(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt64(out var number) ? number : null;

    public static bool? Flag(JsonElement element, string name) =>
        Property(element, name) is { } value && value.ValueKind is JsonValueKind.True or JsonValueKind.False ? value.GetBoolean() : null;

    /// <summary>The elements of an array property; none when it is missing or not an array.</summary>
    public static IEnumerable<JsonElement> Items(JsonElement element, string name) =>
        Property(element, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>A value as it stood in the JSON, shortened, for a quarantine row.</summary>
    public static string Raw(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();
        return text.Length > 200 ? text[..200] + "…" : text;
    }

    public static string Invariant(long number) => number.ToString(CultureInfo.InvariantCulture);
}
