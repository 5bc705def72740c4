namespace Analytics.Import;

/// <summary>Turns wall-clock times from an export into UTC, including across daylight-saving changes.</summary>
public static class LocalTime
{
    /// <summary>
    /// A time in the spring-forward gap does not exist; it is read as the same number of minutes after
    /// the gap. A time in the autumn overlap happens twice; the first (summer-time) instant is taken.
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
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
