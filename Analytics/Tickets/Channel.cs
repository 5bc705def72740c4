namespace Analytics.Tickets;

/// <summary>How the work reached the service desk.</summary>
public enum Channel
{
    Phone,
    Email,
    Portal,
    Chat,
    WalkIn,
    Monitoring,
}
