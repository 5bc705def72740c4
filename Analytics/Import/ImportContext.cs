namespace Analytics.Import;

/// <summary>Per-file settings a profile reads with: source name, date layout and time zones.</summary>
public sealed class ImportContext(
    string source,
    DateFormat dateFormat,
    TimeZoneInfo defaultZone,
    TimeZoneInfo? zoneOverride,
    IReadOnlyDictionary<string, TimeZoneInfo> teamZones)
{
    public string Source { get; } = source;

    public DateFormat DateFormat { get; internal set; } = dateFormat;

    /// <summary>
    /// The zone the export's wall-clock times are in: the explicit setting if given, else the team's,
    /// else the default.
    /// </summary>
    public TimeZoneInfo ZoneFor(string? team) =>
        zoneOverride
        ?? (team is not null && teamZones.TryGetValue(team, out var zone) ? zone : defaultZone);
}
