namespace Analytics.Calendar;

/// <summary>A day the organisation is closed.</summary>
public sealed record Holiday(DateOnly Date, string Name);
