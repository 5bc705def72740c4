using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>Where a work type's tickets come from, which decides their weekly and daily rhythm.</summary>
internal enum DemoOrigin
{
    /// <summary>Raised by users: office hours, quiet weekends and holidays, seasonal.</summary>
    User,

    /// <summary>Raised by monitoring: around the clock, every day.</summary>
    Monitoring,

    /// <summary>Planned by IT itself (changes, maintenance, problems): weekdays only.</summary>
    Planned,
}

/// <summary>One line of a team's service catalogue: what the work is and how long it takes.</summary>
internal sealed record DemoWorkType
{
    public required TicketKind Kind { get; init; }
    public required string Category { get; init; }
    public string? Subcategory { get; init; }

    /// <summary>Share of the team's ordinary weekly volume.</summary>
    public required double Share { get; init; }

    /// <summary>Typical hands-on minutes per ticket.</summary>
    public required double HandlingMinutes { get; init; }

    public required IReadOnlyList<string> Titles { get; init; }

    public DemoOrigin Origin { get; init; } = DemoOrigin.User;

    /// <summary>Grows with the September onboarding wave (new staff need accounts and laptops).</summary>
    public bool Onboarding { get; init; }

    /// <summary>Spikes during the major-incident week.</summary>
    public bool OutageSensitive { get; init; }

    /// <summary>Surges in the overloaded team's last weeks (a laptop refresh on top of the usual work).</summary>
    public bool RefreshWave { get; init; }

    public bool Proactive => Origin != DemoOrigin.User;
}
