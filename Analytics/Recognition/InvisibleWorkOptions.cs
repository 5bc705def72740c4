using Analytics.Tickets;

namespace Analytics.Recognition;

/// <summary>
/// How tickets are sorted into work categories, and how long work takes where nobody registered time.
/// Section "InvisibleWork". Rules are tried in order; the first that matches decides.
/// </summary>
public sealed class InvisibleWorkOptions
{
    public const string Section = "InvisibleWork";

    /// <summary>
    /// Classification rules. User-reported incidents stay visible whatever their title: a broken
    /// laptop is something users see. Default (null or empty): <see cref="DefaultRules"/>, common ITSM categories
    /// in Dutch and English. A configured list replaces the defaults entirely.
    /// </summary>
    public IList<WorkRule>? Rules { get; set; }

    /// <summary>Minutes assumed per item without registered time. Defaults in <see cref="DefaultMinutes"/>.</summary>
    public IDictionary<WorkCategory, double> EstimatedMinutes { get; } = new Dictionary<WorkCategory, double>(DefaultMinutes);

    /// <summary>Weeks over which a fixed problem is credited with the incidents it prevents. Default 13 (a quarter).</summary>
    public int PreventionWeeks { get; set; } = 13;

    /// <summary>
    /// Documented estimates: an incident 30 minutes, a request 40, a change 2 hours, a problem
    /// investigation 4 hours, a maintenance task an hour, a monitoring alert 30 minutes, a knowledge article 90 minutes.
    /// </summary>
    public static IReadOnlyDictionary<WorkCategory, double> DefaultMinutes { get; } = new Dictionary<WorkCategory, double>
    {
        [WorkCategory.UserIncidents] = 30,
        [WorkCategory.Provisioning] = 40,
        [WorkCategory.Changes] = 120,
        [WorkCategory.Problems] = 240,
        [WorkCategory.Maintenance] = 60,
        [WorkCategory.Monitoring] = 30,
        [WorkCategory.KnowledgeArticles] = 90,
        [WorkCategory.WithoutTicket] = 0,
    };

    public static IReadOnlyList<WorkRule> DefaultRules { get; } =
    [
        new() { Category = WorkCategory.Monitoring, Proactive = true, Kinds = [TicketKind.Incident] },
        new() { Category = WorkCategory.Monitoring, Channels = [Channel.Monitoring] },
        new() { Category = WorkCategory.Problems, Kinds = [TicketKind.Problem] },
        new() { Category = WorkCategory.Changes, Kinds = [TicketKind.Change] },
        new() { Category = WorkCategory.Maintenance, Kinds = [TicketKind.Maintenance] },
        new()
        {
            Category = WorkCategory.Maintenance,
            Kinds = [TicketKind.Task, TicketKind.Request],
            Keywords = @"\b(patch\w*|back-?up\w*|restore-?test|certifica\w*|upgrade\w*|onderhoud|maintenance|opschon\w*|clean-?up|firmware)\b",
        },
        new() { Category = WorkCategory.Provisioning, Kinds = [TicketKind.Request] },
        new()
        {
            Category = WorkCategory.Provisioning,
            Kinds = [TicketKind.Task],
            Keywords = @"\b(account\w*|laptop\w*|onboarding|offboarding|indiensttreding|uitdiensttreding|nieuwe medewerker|new (starter|hire|employee)|leaver|toegang|access|rechten|installatie|install\w*|licen[cs]e\w*|licentie\w*)\b",
        },
        new() { Category = WorkCategory.Maintenance, Kinds = [TicketKind.Task], Proactive = true },
        new() { Category = WorkCategory.UserIncidents },
    ];
}

/// <summary>
/// One classification rule: every condition given must hold. Kinds and channels match any listed;
/// category and keyword patterns are regular expressions (case-insensitive) on the ticket's
/// category/subcategory and title.
/// </summary>
public sealed class WorkRule
{
    public WorkCategory Category { get; set; }
    public IList<TicketKind> Kinds { get; set; } = [];
    public IList<Channel> Channels { get; set; } = [];
    public bool? Proactive { get; set; }
    public string? CategoryPattern { get; set; }
    public string? Keywords { get; set; }
}
