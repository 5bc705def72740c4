namespace Analytics.Import;

/// <summary>Turns wall-clock times from an export into UTC, including across daylight-saving changes.</summary>
public static class LocalTime
{
    private const long EdgeTicks = 2 * TimeSpan.TicksPerDay;

    // Bounded by the hours the data spans (about 9,000 a year), not by the number of rows.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(TimeZoneInfo, long), TimeSpan> PlainHourOffsets = new();

    /// <summary>
    /// A time in the spring-forward gap does not exist; it is read as the same number of minutes after
    /// the gap. A time in the autumn overlap happens twice; the first (summer-time) instant is taken.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone) =>
        TryToUtc(local, zone, out var utc)
            ? utc
            : throw new ArgumentOutOfRangeException(nameof(local), local, $"{local:yyyy-MM-dd HH:mm:ss} in {zone.Id} is outside the range of a date in UTC.");

    /// <summary>
    /// As <see cref="ToUtc"/>, but false instead of an exception when the time cannot be represented in UTC:
    /// "0001-01-01 00:00" east of Greenwich or "9999-12-31 23:59" west of it, placeholders exports write for "no date".
    /// </summary>
    public static bool TryToUtc(DateTime local, TimeZoneInfo zone, out DateTimeOffset utc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (unspecified.Ticks < EdgeTicks || unspecified.Ticks > DateTime.MaxValue.Ticks - EdgeTicks)
        {
            // Within two days of the calendar's ends the hour arithmetic below could overflow: one plain offset, checked.
            var ticks = unspecified.Ticks - zone.GetUtcOffset(unspecified).Ticks;
            var representable = ticks >= 0 && ticks <= DateTime.MaxValue.Ticks;
            utc = representable ? new DateTimeOffset(ticks, TimeSpan.Zero) : default;
            return representable;
        }

        utc = Convert(unspecified, zone);
        return true;
    }

    private static DateTimeOffset Convert(DateTime unspecified, TimeZoneInfo zone)
    {
        // Offsets only change on the hour, so a plain (not skipped, not repeated) hour is looked up once.
        var hourKey = (zone, unspecified.Ticks / TimeSpan.TicksPerHour);
        if (PlainHourOffsets.TryGetValue(hourKey, out var cached))
        {
            return new DateTimeOffset(unspecified.Ticks - cached.Ticks, TimeSpan.Zero);
        }

        var hourStart = new DateTime(hourKey.Item2 * TimeSpan.TicksPerHour, DateTimeKind.Unspecified);
        var hourEnd = hourStart.AddHours(1).AddTicks(-1);
        if (!zone.IsInvalidTime(hourStart) && !zone.IsAmbiguousTime(hourStart) && !zone.IsInvalidTime(hourEnd) && !zone.IsAmbiguousTime(hourEnd)
            && zone.GetUtcOffset(hourStart) == zone.GetUtcOffset(hourEnd))
        {
            var plain = zone.GetUtcOffset(hourStart);
            PlainHourOffsets.TryAdd(hourKey, plain);
            return new DateTimeOffset(unspecified.Ticks - plain.Ticks, TimeSpan.Zero);
        }

        if (zone.IsInvalidTime(unspecified))
        {
            var adjustment = zone.GetAdjustmentRules()
                .FirstOrDefault(r => r.DateStart <= unspecified && r.DateEnd >= unspecified);
            var delta = adjustment?.DaylightDelta ?? TimeSpan.FromHours(1);
            unspecified = unspecified.Add(delta);
        }

        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            var summer = offsets.Max();
            return new DateTimeOffset(unspecified, summer).ToUniversalTime();
        }

        var offset = zone.GetUtcOffset(unspecified);
        return new DateTimeOffset(unspecified, offset).ToUniversalTime();
    }

    public static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException ex)
        {
            throw new ImportFileException($"Unknown time zone '{id}'. Use an IANA id such as 'Europe/Amsterdam'.", ex);
        }
    }
}
