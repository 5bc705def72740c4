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

    /// <summary>The real clock's now when the import started: times more than a day later are in the future.</summary>
    public DateTimeOffset Now { get; init; } = DateTimeOffset.MaxValue - FutureTimeCheck.Tolerance;

    /// <summary>What to do with a ticket whose times lie in the future (setting Import:FutureTimes).</summary>
    public FutureTimes FutureTimes { get; init; }

    /// <summary>Said after "invalid UTF-8 byte sequence" in a quarantine reason when the file's encoding was a guess.</summary>
    public string? InvalidTextHint { get; init; }

    /// <summary>
    /// The zone the export's wall-clock times are in: the explicit setting if given, else the team's,
    /// else the default.
    /// </summary>
    public TimeZoneInfo ZoneFor(string? team) =>
        zoneOverride
        ?? (team is not null && teamZones.TryGetValue(team, out var zone) ? zone : defaultZone);
}
