using System.Globalization;
using System.Text.Json;

namespace Analytics.Import.Api.Topdesk;

/// <summary>
/// Reads the fields of one TOPdesk record (an incident, a change, an operator) the way the TOPdesk REST API
/// writes them: references as objects with a "name" ({"id": "...", "name": "Network"}), times with an offset
/// ("2021-02-11T06:32:36.303+0000", or "2021-02-11T06:32:36Z" with dateFormat=iso8601), null for unset. Every
/// value that is there but of the wrong type is recorded as a problem with its field, so one damaged record is
/// quarantined whole and names what was wrong.
/// </summary>
internal sealed class TopdeskFields(JsonElement record, TimeZoneInfo zone)
{
    private static readonly string[] OffsetLayouts =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static readonly string[] LocalLayouts = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    public List<ApiRecordProblem> Problems { get; } = [];

    /// <summary>The record's key for messages: its number, else its id, else "(no number)".</summary>
    public string Key => Text("number") ?? Text("id") ?? "(no number)";

    /// <summary>A property by dotted path ("simple.closedDate"); null when absent or JSON null.</summary>
    public JsonElement? Find(string path)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var current = record;
        foreach (var part in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out var next))
            {
                return null;
            }

            current = next;
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    /// <summary>A text field; an empty string is no value (TOPdesk writes "" for an empty brief description).</summary>
    public string? Text(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem(path, value, "not text");
            return null;
        }

        var text = value.GetString()!.Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>The name of a reference ({"id": ..., "name": ...}), or the text itself when the API gives a plain string.</summary>
    public string? Name(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? Text(path + ".name") : Text(path);
    }

    public bool? Bool(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Problem(path, value, "not true or false");
        return null;
    }

    public double? Number(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
        {
            return number;
        }

        Problem(path, value, "not a number");
        return null;
    }

    /// <summary>An instant; a time without an offset is read in the source's zone (Sync:Sources:N:TimeZone).</summary>
    public DateTimeOffset? Instant(string path)
    {
        if (Find(path) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && Parse(value.GetString()!, zone) is { } instant)
        {
            return instant;
        }

        Problem(path, value, "not a date and time such as 2026-01-05T09:05:00.000+0000");
        return null;
    }

    public void Problem(string field, string? raw, string reason) =>
        Problems.Add(new ApiRecordProblem(Key, field, raw, reason));

    private void Problem(string field, JsonElement value, string reason) =>
        Problem(field, value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText(), reason);

    /// <summary>TOPdesk's two date layouts, to UTC; null when the text is neither.</summary>
    public static DateTimeOffset? Parse(string text, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(zone);
        var trimmed = text.Trim();

        // .NET's "zzz" wants +00:00; TOPdesk's default layout writes +0000.
        if (trimmed.Length > 5 && (trimmed[^5] == '+' || trimmed[^5] == '-') && trimmed[^4..].All(char.IsAsciiDigit))
        {
            trimmed = string.Concat(trimmed.AsSpan(0, trimmed.Length - 2), ":", trimmed.AsSpan(trimmed.Length - 2));
        }

        if (DateTimeOffset.TryParseExact(trimmed, OffsetLayouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            && (trimmed.EndsWith('Z') || trimmed.Length > 6 && (trimmed[^6] == '+' || trimmed[^6] == '-')))
        {
            return withOffset.ToUniversalTime();
        }

        if (DateTime.TryParseExact(trimmed, LocalLayouts, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            && LocalTime.TryToUtc(local, zone, out var utc))
        {
            return utc;
        }

        return null;
    }
}
