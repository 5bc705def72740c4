using System.ComponentModel.DataAnnotations;

namespace Analytics.Forecasting.Staffing;

/// <summary>How forecast volume becomes hours and FTE, and what capacity it is compared with. Section "Staffing".</summary>
public sealed class StaffingOptions : IValidatableObject
{
    public const string Section = "Staffing";

    /// <summary>Contract hours of one full-time employee per week. Default 40.</summary>
    [Range(1.0, 80.0, ErrorMessage = "Staffing:FteHours must be between 1 and 80.")]
    public double FteHours { get; set; } = 40;

    /// <summary>Weeks of time registrations that handling times are measured over. Default 26.</summary>
    [Range(1, 156, ErrorMessage = "Staffing:HandlingTimeWeeks must be between 1 and 156.")]
    public int HandlingTimeWeeks { get; set; } = 26;

    /// <summary>
    /// Tickets with time registrations needed before a category's measured handling time is trusted;
    /// below it the configured (or team's) handling time is used. Default 20.
    /// </summary>
    [Range(1, 10_000, ErrorMessage = "Staffing:MinimumTimedTickets must be between 1 and 10000.")]
    public int MinimumTimedTickets { get; set; } = 20;

    /// <summary>Handling minutes per ticket when nothing is measured or configured. Default 30.</summary>
    [Range(1.0, 10_000.0, ErrorMessage = "Staffing:DefaultHandlingMinutes must be between 1 and 10000.")]
    public double DefaultHandlingMinutes { get; set; } = 30;

    /// <summary>Configured handling minutes per category or kind (the forecast grain's names), used where registrations are too few.</summary>
    public IDictionary<string, double> HandlingMinutes { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Planned leave on top of the teams' average shrinkage (parental leave, long-term sickness, sabbaticals).</summary>
    public IList<PlannedLeave> Leave { get; } = [];

    /// <summary>
    /// Live channels staffed by Erlang C, hour by hour in the teams' working hours. Default: none (a list
    /// bound from configuration adds to defaults rather than replacing them); the shipped appsettings.json
    /// configures the Service Desk's phone and chat: 80% answered within 20 s and 30 s, at most 85% occupancy.
    /// </summary>
    public IList<QueueSettings> Queues { get; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, minutes) in HandlingMinutes)
        {
            if (minutes is <= 0 or > 10_000 || !double.IsFinite(minutes))
            {
                yield return new ValidationResult($"Staffing:HandlingMinutes:{key} must be between 0 and 10000 minutes.", [nameof(HandlingMinutes)]);
            }
        }

        foreach (var leave in Leave)
        {
            if (string.IsNullOrWhiteSpace(leave.Agent) || leave.To < leave.From || leave.HoursPerWeek is < 0)
            {
                yield return new ValidationResult("Staffing:Leave entries need an Agent, From <= To and HoursPerWeek of zero or more.", [nameof(Leave)]);
            }
        }

        foreach (var queue in Queues)
        {
            if (queue.Channel is not ("phone" or "chat" or "walk_in") || queue.HandlingSeconds <= 0 || queue.ServiceLevel is <= 0 or >= 1
                || queue.AnswerSeconds < 0 || queue.MaximumOccupancy is <= 0 or > 1)
            {
                yield return new ValidationResult(
                    $"Staffing:Queues entry '{queue.Channel}' needs Channel phone, chat or walk_in, HandlingSeconds > 0, ServiceLevel between 0 and 1, AnswerSeconds >= 0 and MaximumOccupancy above 0 and at most 1.",
                    [nameof(Queues)]);
            }
        }
    }
}

/// <summary>An agent's planned absence.</summary>
public sealed class PlannedLeave
{
    public string Agent { get; set; } = string.Empty;

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>Hours off per week during the leave; default (null) the whole contract.</summary>
    public double? HoursPerWeek { get; set; }
}

/// <summary>A contact channel answered live, staffed with Erlang C per hour.</summary>
public sealed class QueueSettings
{
    /// <summary>Teams that answer this channel live; empty means every team with contacts through it.</summary>
    public IList<string> Teams { get; } = [];

    /// <summary>The canonical channel name: phone, chat or walk_in.</summary>
    public string Channel { get; set; } = "phone";

    /// <summary>Average handling time (talk plus wrap-up) in seconds.</summary>
    public double HandlingSeconds { get; set; } = 360;

    /// <summary>Share of contacts to answer within <see cref="AnswerSeconds"/>. Default 0.8.</summary>
    public double ServiceLevel { get; set; } = 0.8;

    /// <summary>Target answer time in seconds. Default 20.</summary>
    public double AnswerSeconds { get; set; } = 20;

    /// <summary>Highest share of time agents may spend handling. Default 0.85.</summary>
    public double MaximumOccupancy { get; set; } = 0.85;
}
