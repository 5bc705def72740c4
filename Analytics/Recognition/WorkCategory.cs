namespace Analytics.Recognition;

/// <summary>Where work sits between what users see and what happens behind the scenes.</summary>
public enum WorkCategory
{
    /// <summary>Incidents reported by users: the visible part.</summary>
    UserIncidents,

    /// <summary>Service requests and provisioning: accounts, laptops, access, onboarding and offboarding.</summary>
    Provisioning,

    Changes,

    /// <summary>Problem management: finding and removing the causes of incidents.</summary>
    Problems,

    /// <summary>Maintenance: patching, backups, certificates, upgrades, clean-ups.</summary>
    Maintenance,

    /// <summary>Work raised by monitoring or by IT itself before users noticed.</summary>
    Monitoring,

    /// <summary>Knowledge articles written.</summary>
    KnowledgeArticles,

    /// <summary>Registered time that belongs to no ticket: meetings, checks, documentation, training.</summary>
    WithoutTicket,
}

/// <summary>The labels reports print for each category.</summary>
public static class WorkCategoryNames
{
    public static string Of(WorkCategory category) => category switch
    {
        WorkCategory.UserIncidents => "User-reported incidents",
        WorkCategory.Provisioning => "Requests and provisioning",
        WorkCategory.Changes => "Changes",
        WorkCategory.Problems => "Problem management",
        WorkCategory.Maintenance => "Maintenance",
        WorkCategory.Monitoring => "Monitoring and proactive work",
        WorkCategory.KnowledgeArticles => "Knowledge articles",
        WorkCategory.WithoutTicket => "Work without a ticket",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>Everything but user-reported incidents happens out of users' sight.</summary>
    public static bool IsBehindTheScenes(WorkCategory category) => category != WorkCategory.UserIncidents;
}
