namespace Analytics.Calendar;

/// <summary>
/// A clock that stands at one instant: every computation that asks for "now" gets the as-of instant,
/// so a report, forecast or overload check for a past moment reads only what was known by then and
/// dates its freshness warnings from then. Timers still run on the system clock.
/// </summary>
public sealed class AsOfClock(DateTimeOffset asOf) : TimeProvider
{
    public DateTimeOffset AsOf { get; } = asOf.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => AsOf;
}
