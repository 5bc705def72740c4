using System.Text.Json;

namespace Analytics.Import.Api.Jira;

/// <summary>
/// JSM's SLA fields: {"completedCycles": [{"startTime", "stopTime", "breachTime", "breached", ...}],
/// "ongoingCycle": {"startTime", "breachTime", "breached", "paused", ...}}, each time as
/// {"iso8601": ..., "jira": ..., "friendly": ..., "epochMillis": ...}.
/// </summary>
internal static class JiraSla
{
    /// <summary>Breached when any cycle breached; met when cycles completed without a breach; unknown while the only cycle runs.</summary>
    public static bool? Breached(JsonElement? sla)
    {
        if (sla is not { ValueKind: JsonValueKind.Object } s)
        {
            return null;
        }

        var completed = JiraJson.Items(s, "completedCycles").ToList();
        var ongoing = JiraJson.Property(s, "ongoingCycle");
        if (completed.Any(c => JiraJson.Flag(c, "breached") == true) || (ongoing is { } o && JiraJson.Flag(o, "breached") == true))
        {
            return true;
        }

        return completed.Count > 0 && ongoing is null ? false : null;
    }

    /// <summary>The target: the running cycle's breach time, else the last completed cycle's.</summary>
    public static DateTimeOffset? Target(JsonElement? sla)
    {
        if (sla is not { ValueKind: JsonValueKind.Object } s)
        {
            return null;
        }

        if (JiraJson.Property(s, "ongoingCycle") is { } ongoing && Instant(ongoing, "breachTime") is { } running)
        {
            return running;
        }

        return JiraJson.Items(s, "completedCycles").Select(c => Instant(c, "breachTime")).LastOrDefault(t => t is not null);
    }

    /// <summary>When the first cycle stopped (for "Time to first response": the first response).</summary>
    public static DateTimeOffset? FirstStop(JsonElement? sla) =>
        sla is { ValueKind: JsonValueKind.Object } s ? JiraJson.Items(s, "completedCycles").Select(c => Instant(c, "stopTime")).FirstOrDefault(t => t is not null) : null;

    private static DateTimeOffset? Instant(JsonElement cycle, string name)
    {
        if (JiraJson.Property(cycle, name) is not { } time)
        {
            return null;
        }

        if (JiraJson.Whole(time, "epochMillis") is { } millis && millis > 0)
        {
            return FieldParser.WholeSeconds(DateTimeOffset.FromUnixTimeMilliseconds(millis));
        }

        return JiraTime.TryInstant(JiraJson.Text(time, "iso8601"), out var utc) ? utc : null;
    }
}
