using System.Globalization;
using System.Text.Json;

namespace Analytics.Import.Api.ServiceNow;

/// <summary>
/// One record of a Table API answer. With sysparm_display_value=all every field is an object
/// {"display_value": ..., "value": ...}: the value is the stored one (codes, sys_ids, UTC times in
/// "yyyy-MM-dd HH:mm:ss"), the display value what the UI shows in the API user's language and time zone.
/// With sysparm_display_value=false a field is the plain stored value. Both shapes are read.
/// </summary>
internal readonly struct ServiceNowRecord(JsonElement element)
{
    private static readonly string[] TimeLayouts = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFF"];

    public bool IsObject => element.ValueKind == JsonValueKind.Object;

    /// <summary>The stored value: a code, a sys_id, a UTC time; null when absent or empty.</summary>
    public string? Value(string field) => Part(field, "value");

    /// <summary>What the UI shows (a group's name, a state's label); the stored value when there is no display value.</summary>
    public string? Display(string field) => Part(field, "display_value") ?? Value(field);

    /// <summary>A stored UTC time. <paramref name="problem"/> says why a present value could not be read.</summary>
    public DateTimeOffset? Time(string field, out string? problem)
    {
        problem = null;
        var text = Value(field);
        if (text is null)
        {
            return null;
        }

        if (TryTime(text, out var time))
        {
            return time;
        }

        problem = "not a ServiceNow date-time (yyyy-MM-dd HH:mm:ss, UTC)";
        return null;
    }

    /// <summary>Reads a stored glide_date_time: UTC, "yyyy-MM-dd HH:mm:ss".</summary>
    public static bool TryTime(string text, out DateTimeOffset time)
    {
        if (DateTime.TryParseExact(text.Trim(), TimeLayouts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            time = new DateTimeOffset(parsed, TimeSpan.Zero);
            return true;
        }

        time = default;
        return false;
    }

    private string? Part(string field, string part)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(field, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (!value.TryGetProperty(part, out var inner))
            {
                return null;
            }

            value = inner;
        }
        else if (part == "display_value")
        {
            return null;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
            _ => null,
        };
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }
}
