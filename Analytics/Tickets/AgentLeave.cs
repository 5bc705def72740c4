namespace Analytics.Tickets;

/// <summary>An agent's planned absence, from a roster's leave file (personal data).</summary>
/// <param name="From">First day away.</param>
/// <param name="To">Last day away (included).</param>
/// <param name="HoursPerWeek">Hours off per week during the leave; null: the whole contract.</param>
public sealed record AgentLeave(string Agent, DateOnly From, DateOnly To, decimal? HoursPerWeek);
