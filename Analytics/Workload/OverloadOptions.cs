using System.ComponentModel.DataAnnotations;

namespace Analytics.Workload;

/// <summary>When a team or an agent is flagged as overloaded. Section "Overload". Defaults in each summary.</summary>
public sealed class OverloadOptions : IValidatableObject
{
    public const string Section = "Overload";

    /// <summary>Consecutive weeks of incoming above resolved-plus-passed-on before the backlog counts as growing. Default 3.</summary>
    [Range(2, 26, ErrorMessage = "Overload:GrowthWeeks must be between {1} and {2}.")]
    public int GrowthWeeks { get; set; } = 3;

    /// <summary>Least backlog growth over those weeks, in tickets. Default 20.</summary>
    [Range(1, 100_000, ErrorMessage = "Overload:GrowthMinimumTickets must be between {1} and {2}.")]
    public int GrowthMinimumTickets { get; set; } = 20;

    /// <summary>Least backlog growth over those weeks, as a share of the backlog before them. Default 0.25.</summary>
    [Range(0.0, 10.0, ErrorMessage = "Overload:GrowthMinimumShare must be between {1} and {2}.")]
    public double GrowthMinimumShare { get; set; } = 0.25;

    /// <summary>Least backlog growth over those weeks, as a share of a week's resolved tickets: small teams' noise is not overload. Default 0.4.</summary>
    [Range(0.0, 10.0, ErrorMessage = "Overload:GrowthMinimumShareOfWeek must be between {1} and {2}.")]
    public double GrowthMinimumShareOfWeek { get; set; } = 0.4;

    /// <summary>Days to clear (working days) that flag a team whatever its usual level. Default 10.</summary>
    [Range(1.0, 365.0, ErrorMessage = "Overload:DaysToClearLimit must be between {1} and {2}.")]
    public double DaysToClearLimit { get; set; } = 10;

    /// <summary>Days to clear this many times the team's usual level flag it too. Default 2.</summary>
    [Range(1.1, 20.0, ErrorMessage = "Overload:DaysToClearFactor must be between {1} and {2}.")]
    public double DaysToClearFactor { get; set; } = 2.0;

    /// <summary>...but only from this many working days up. Default 3.</summary>
    [Range(0.0, 365.0, ErrorMessage = "Overload:DaysToClearMinimum must be between {1} and {2}.")]
    public double DaysToClearMinimum { get; set; } = 3;

    /// <summary>
    /// Fewest open tickets for either days-to-clear limit to apply: two tickets and one resolution a month
    /// read as 40 working days, and are no overload. Default 20 (a day or two of a small team's work).
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Overload:DaysToClearMinimumBacklog must be between {1} and {2}.")]
    public int DaysToClearMinimumBacklog { get; set; } = 20;

    /// <summary>
    /// Fewest earlier weeks with data, not flagged themselves, that make a team's "usual" level; with fewer
    /// the level before its run of flagged weeks counts, or none. At most Workload:BaselineWeeks. Default 4.
    /// </summary>
    [Range(1, 52, ErrorMessage = "Overload:BaselineMinimumWeeks must be between {1} and {2}.")]
    public int BaselineMinimumWeeks { get; set; } = 4;

    /// <summary>SLA compliance target. Default 0.85.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Overload:SlaTarget must be between {1} and {2}.")]
    public double SlaTarget { get; set; } = 0.85;

    /// <summary>A team under target is flagged when also this far below its usual compliance. Default 0.10 (10 points).</summary>
    [Range(0.0, 1.0, ErrorMessage = "Overload:SlaDrop must be between {1} and {2}.")]
    public double SlaDrop { get; set; } = 0.10;

    /// <summary>Fewest tickets with an SLA target in the week for compliance to count. Default 20.</summary>
    [Range(1, 100_000, ErrorMessage = "Overload:SlaMinimumMeasured must be between {1} and {2}.")]
    public int SlaMinimumMeasured { get; set; } = 20;

    /// <summary>Weeks ahead in which forecast work is compared with capacity. Default 4.</summary>
    [Range(1, 12, ErrorMessage = "Overload:ForecastWeeks must be between {1} and {2}.")]
    public int ForecastWeeks { get; set; } = 4;

    /// <summary>Weeks of those with forecast work above capacity that flag the team. Default 2.</summary>
    [Range(1, 12, ErrorMessage = "Overload:ForecastWeeksOver must be between {1} and {2}.")]
    public int ForecastWeeksOver { get; set; } = 2;

    /// <summary>An agent's work in progress this many times their usual level or their team's median is flagged. Default 1.5.</summary>
    [Range(1.1, 20.0, ErrorMessage = "Overload:AgentWipFactor must be between {1} and {2}.")]
    public double AgentWipFactor { get; set; } = 1.5;

    /// <summary>...from this many open tickets up. Default 15.</summary>
    [Range(1, 10_000, ErrorMessage = "Overload:AgentWipMinimum must be between {1} and {2}.")]
    public int AgentWipMinimum { get; set; } = 15;

    /// <summary>Registered hours above this share of contract hours are flagged. Default 1.10.</summary>
    [Range(1.0, 3.0, ErrorMessage = "Overload:HoursOverContract must be between {1} and {2}.")]
    public double HoursOverContract { get; set; } = 1.10;

    /// <summary>...and at least this many hours over the contract (10% of a 16-hour contract is no overtime worth a flag). Default 4.</summary>
    [Range(0.0, 40.0, ErrorMessage = "Overload:AgentHoursMinimumExtra must be between {1} and {2}.")]
    public double AgentHoursMinimumExtra { get; set; } = 4;

    /// <summary>Recent weeks an agent rule looks at, the week itself included. Default 3.</summary>
    [Range(1, 12, ErrorMessage = "Overload:AgentRecentWeeks must be between {1} and {2}.")]
    public int AgentRecentWeeks { get; set; } = 3;

    /// <summary>
    /// Of those, the weeks in which the rule must hold (the week itself always among them) before an agent is
    /// flagged; in all of them makes a flag critical where the rule allows. Default 2. At most Overload:AgentRecentWeeks.
    /// </summary>
    [Range(1, 12, ErrorMessage = "Overload:AgentFlaggedWeeks must be between {1} and {2}.")]
    public int AgentFlaggedWeeks { get; set; } = 2;

    /// <summary>An agent's after-hours share this many times their usual share is flagged. Default 2.</summary>
    [Range(1.1, 20.0, ErrorMessage = "Overload:AfterHoursFactor must be between {1} and {2}.")]
    public double AfterHoursFactor { get; set; } = 2.0;

    /// <summary>...from this share of their resolutions up. Default 0.15.</summary>
    [Range(0.0, 1.0, ErrorMessage = "Overload:AfterHoursMinimumShare must be between {1} and {2}.")]
    public double AfterHoursMinimumShare { get; set; } = 0.15;

    /// <summary>...and from this many after-hours resolutions in the week up; twice as many in every recent week is critical. Default 5.</summary>
    [Range(1, 1000, ErrorMessage = "Overload:AfterHoursMinimumCount must be between {1} and {2}.")]
    public int AfterHoursMinimumCount { get; set; } = 5;

    /// <summary>Tickets passed on this many times the agent's usual or their team's median are flagged as ping-pong. Default 2.</summary>
    [Range(1.1, 20.0, ErrorMessage = "Overload:PingPongFactor must be between {1} and {2}.")]
    public double PingPongFactor { get; set; } = 2.0;

    /// <summary>...from this many passed-on tickets up. Default 8.</summary>
    [Range(1, 1000, ErrorMessage = "Overload:PingPongMinimum must be between {1} and {2}.")]
    public int PingPongMinimum { get; set; } = 8;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (AgentFlaggedWeeks > AgentRecentWeeks)
        {
            yield return new ValidationResult(
                $"Overload:AgentFlaggedWeeks ({AgentFlaggedWeeks}) must not exceed Overload:AgentRecentWeeks ({AgentRecentWeeks}).",
                [nameof(AgentFlaggedWeeks), nameof(AgentRecentWeeks)]);
        }
    }
}
