namespace Analytics.Tickets;

/// <summary>An operator group with its calendar and capacity settings.</summary>
public sealed record Team
{
    public required string Name { get; init; }

    /// <summary>Managers who receive this team's reports, comma-free list.</summary>
    public IReadOnlyList<string> ManagerEmails { get; init; } = [];

    /// <summary>IANA time zone id for weeks, working hours and "after hours".</summary>
    public string TimeZone { get; init; } = "Europe/Amsterdam";

    public TimeOnly WorkdayStart { get; init; } = new(8, 0);
    public TimeOnly WorkdayEnd { get; init; } = new(17, 30);

    /// <summary>Share of contract hours not available for ticket work (meetings, leave, training).</summary>
    public decimal Shrinkage { get; init; } = 0.30m;
}
