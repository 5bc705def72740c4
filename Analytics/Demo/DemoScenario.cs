using Analytics.Calendar;

namespace Analytics.Demo;

/// <summary>
/// The facts the generator built into the data, so tests and the demo can check that analytics find
/// them: which team it overloads and when, the major-incident week, the onboarding waves.
/// </summary>
public sealed record DemoScenario
{
    public required DateOnly FirstDay { get; init; }
    public required DateOnly LastDay { get; init; }

    /// <summary>When the data was taken: Monday 06:00 local after <see cref="LastDay"/>.</summary>
    public required DateTimeOffset AsOf { get; init; }

    public IsoWeek FirstWeek => IsoWeek.Of(FirstDay);
    public IsoWeek LastWeek => IsoWeek.Of(LastDay);

    /// <summary>The team whose incoming outgrows its capacity in the last weeks.</summary>
    public required string OverloadedTeam { get; init; }

    public required IsoWeek OverloadFirstWeek { get; init; }

    /// <summary>The agent of the overloaded team who is on long-term sick leave during the overload.</summary>
    public required string AbsentAgent { get; init; }

    /// <summary>A week with a multi-day outage: incidents spike at the Service Desk and Network teams.</summary>
    public required IsoWeek MajorIncidentWeek { get; init; }

    /// <summary>The problem ticket behind the major incident.</summary>
    public required string MajorIncidentProblemId { get; init; }

    /// <summary>September weeks with the yearly onboarding wave (accounts and laptops for new staff).</summary>
    public required IReadOnlyList<IsoWeek> OnboardingWeeks { get; init; }
}
