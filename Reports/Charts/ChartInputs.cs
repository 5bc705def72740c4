namespace Reports.Charts;

/// <summary>Tickets that came in and were resolved in a week, and the open backlog at the week's end.</summary>
public sealed record WeeklyFlowPoint(WeekLabel Week, int Incoming, int Resolved, int Backlog);

/// <summary>An observed weekly value (tickets per week) before the forecast starts.</summary>
public sealed record WeeklyValue(WeekLabel Week, double Value);

/// <summary>A forecast week: expected value with 80 % and 95 % prediction intervals.</summary>
public sealed record ForecastWeek(WeekLabel Week, double Expected, double Lower80, double Upper80, double Lower95, double Upper95);

/// <summary>Open tickets held by one agent. Pass only when privacy rules allow per-agent figures.</summary>
public sealed record AgentWorkInProgress(string Agent, int OpenTickets);

/// <summary>Work of one week by category (counts or hours); the chart shows each category's share.</summary>
public sealed record InvisibleWorkWeek(WeekLabel Week, IReadOnlyList<CategoryAmount> Categories);

public sealed record CategoryAmount(string Category, double Amount);

/// <summary>FTE needed to handle the forecast work and FTE available on the roster in a week (null: unknown, no bar drawn).</summary>
public sealed record StaffingWeek(WeekLabel Week, double NeededFte, double? AvailableFte);

/// <summary>Incoming tickets in one hour of one weekday (hour 0-23, team local time).</summary>
public sealed record WeekdayHourCount(DayOfWeek Day, int Hour, int Count);
