namespace Analytics.Tickets;

/// <summary>An operator group with its calendar and capacity settings.</summary>
/// <remarks>
/// A roster may leave the time zone, working hours or shrinkage out. The team then still has a value to
/// measure with (the documented defaults below), but <see cref="Given"/> says it was assumed, so what
/// prints it can say so; none of the defaults is a 0 that would pass for a fact.
/// </remarks>
public sealed record Team
{
    public const string DefaultTimeZone = "Europe/Amsterdam";

    public required string Name { get; init; }

    /// <summary>Managers who receive this team's reports, comma-free list; empty when unknown.</summary>
    public IReadOnlyList<string> ManagerEmails { get; init; } = [];

    /// <summary>IANA time zone id for weeks, working hours and "after hours".</summary>
    public string TimeZone { get; init; } = DefaultTimeZone;

    public TimeOnly WorkdayStart { get; init; } = new(8, 0);
    public TimeOnly WorkdayEnd { get; init; } = new(17, 30);

    /// <summary>Share of contract hours not available for ticket work (meetings, leave, training).</summary>
    public decimal Shrinkage { get; init; } = 0.30m;

    /// <summary>Which settings a roster gave; the others are the defaults, assumed. Default: all given.</summary>
    public TeamSettings Given { get; init; } = TeamSettings.All;

    /// <summary>Not on a loaded roster: inferred from the tickets' teams, every setting assumed. Never stored.</summary>
    public bool Inferred { get; init; }
}

/// <summary>A team's settings that a roster may give or leave out.</summary>
[Flags]
public enum TeamSettings
{
    None = 0,
    TimeZone = 1,
    WorkingHours = 2,
    Shrinkage = 4,
    All = TimeZone | WorkingHours | Shrinkage,
}
