using System.Globalization;

namespace Analytics.Import.Api.Topdesk;

/// <summary>
/// FIQL conditions for TOPdesk's query parameter. TOPdesk reads FIQL dates as ISO 8601
/// (yyyy-MM-ddTHH:mm:ssZ, or with an offset), so the instant is sent in UTC and needs no zone; it has whole
/// seconds, so the instant is rounded down to its second and nothing changed within that second is skipped.
/// </summary>
internal static class TopdeskFiql
{
    /// <summary>"modificationDate=ge=2026-01-05T08:04:59Z", and-ed with the source's own filter when it has one.</summary>
    public static string ChangedSince(DateTimeOffset since, string? filter)
    {
        var condition = $"modificationDate=ge={Instant(since)}";
        return string.IsNullOrWhiteSpace(filter) ? condition : $"{condition};({filter.Trim()})";
    }

    /// <summary>An instant as FIQL takes it: UTC, whole seconds, rounded down.</summary>
    public static string Instant(DateTimeOffset instant) =>
        Floor(instant).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The instant rounded down to its second, as the query compares it.</summary>
    public static DateTimeOffset Floor(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
