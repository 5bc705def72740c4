using System.Globalization;
using Analytics.Calendar;
using Analytics.Tickets;
using Analytics.Workload;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Support;

/// <summary>
/// A hand-built history in a real SQLite store: tickets are written with local Amsterdam times
/// ("2026-03-09 09:00"), so each test reads like the week it describes.
/// </summary>
internal sealed class WorkloadScenario : IDisposable
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    private readonly SqliteTestStore _store = new();
    private readonly List<Ticket> _tickets = [];
    private readonly List<TicketEvent> _events = [];
    private readonly List<TimeEntry> _entries = [];
    private readonly List<KnowledgeArticle> _articles = [];
    private readonly List<Feedback> _feedback = [];
    private readonly List<Agent> _agents = [];
    private readonly List<AgentLeave> _leave = [];
    private readonly List<Team> _teams = [new Team { Name = "Alpha" }, new Team { Name = "Beta" }];
    private int _next;

    public SqliteTestStore Store => _store;

    public WorkloadScenario Agent(string name, string team, decimal? hours = 40m, DateOnly? start = null, bool optOut = false)
    {
        _agents.Add(new Agent { Name = name, Team = team, ContractHours = hours, StartDate = start, RecognitionOptOut = optOut });
        return this;
    }

    /// <summary>Planned leave from <paramref name="from"/> to <paramref name="to"/> (yyyy-MM-dd, both included).</summary>
    public WorkloadScenario Leave(string agent, string from, string to, decimal? hoursPerWeek = null)
    {
        _leave.Add(new AgentLeave(agent, DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), hoursPerWeek));
        return this;
    }

    public WorkloadScenario Team(Team team)
    {
        _teams.RemoveAll(t => t.Name == team.Name);
        _teams.Add(team);
        return this;
    }

    /// <summary>Adds a ticket; times are local Amsterdam "yyyy-MM-dd HH:mm".</summary>
    public string Ticket(string team, string opened, string? resolved = null, string? assignee = null, string? resolvedBy = null,
        TicketKind kind = TicketKind.Incident, bool? slaBreached = null, int reopens = 0, int reassignments = 0, string? priority = null,
        string? title = null, Channel? channel = null, bool proactive = false, int? minutes = null, string? problemId = null, string? causedBy = null)
    {
        var id = string.Create(CultureInfo.InvariantCulture, $"T{++_next:000}");
        _tickets.Add(new Ticket
        {
            Source = "test",
            TicketId = id,
            Kind = kind,
            Team = team,
            Assignee = assignee,
            ResolvedBy = resolvedBy ?? (resolved is null ? null : assignee),
            OpenedAt = Local(opened),
            ResolvedAt = resolved is null ? null : Local(resolved),
            SlaBreached = slaBreached,
            ReopenCount = reopens,
            ReassignmentCount = reassignments,
            Priority = priority,
            Title = title,
            Channel = channel,
            Proactive = proactive,
            TimeSpentMinutes = minutes,
            ProblemId = problemId,
            CausedByChange = causedBy,
            UpdatedAt = Local(resolved ?? opened),
        });
        return id;
    }

    public WorkloadScenario Event(string ticketId, string at, TicketEventKind kind, string? from, string? to)
    {
        _events.Add(new TicketEvent { Source = "test", TicketId = ticketId, OccurredAt = Local(at), Kind = kind, FromValue = from, ToValue = to });
        return this;
    }

    public WorkloadScenario Logged(string agent, string date, int minutes, string? ticketId = null)
    {
        _entries.Add(new TimeEntry
        {
            Source = "test",
            EntryId = string.Create(CultureInfo.InvariantCulture, $"E{_entries.Count + 1}"),
            Agent = agent,
            WorkDate = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Minutes = minutes,
            TicketId = ticketId,
        });
        return this;
    }

    public WorkloadScenario Article(string id, string title, string author, string team, string created, int uses)
    {
        _articles.Add(new KnowledgeArticle { Source = "test", ArticleId = id, Title = title, Author = author, Team = team, CreatedAt = Local(created), TimesUsed = uses });
        return this;
    }

    public WorkloadScenario Feedback(string ticketId, string given, int score, string? comment)
    {
        _feedback.Add(new Feedback { Source = "test", TicketId = ticketId, GivenAt = Local(given), Score = score, Comment = comment });
        return this;
    }

    /// <summary>Writes everything added so far into the store.</summary>
    public async Task SaveAsync()
    {
        await _store.Reference.UpsertTeamsAsync(_teams, CancellationToken.None);
        await _store.Reference.UpsertAgentsAsync(_agents, CancellationToken.None);
        await _store.Reference.UpsertLeaveAsync(_leave, CancellationToken.None);
        await _store.Tickets.UpsertAsync(_tickets, CancellationToken.None);
        await _store.Tickets.AddEventsAsync(_events, CancellationToken.None);
        await _store.Activity.UpsertTimeEntriesAsync(_entries, CancellationToken.None);
        await _store.Activity.UpsertArticlesAsync(_articles, CancellationToken.None);
        await _store.Activity.UpsertFeedbackAsync(_feedback, CancellationToken.None);
    }

    public IReadOnlyList<Agent> Agents => _agents;

    public async Task<WorkloadHistory> ComputeAsync(string first, string last)
    {
        await SaveAsync();
        var calculator = new WorkloadCalculator(_store.Connections, new Analytics.Roster.RosterReader(_store.Connections, _store.Reference), new DutchHolidayCalendar(), Options.Create(new WorkloadOptions()));
        return await calculator.ComputeAsync(IsoWeek.Parse(first), IsoWeek.Parse(last), CancellationToken.None);
    }

    public static DateTimeOffset Local(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(local, Amsterdam.GetUtcOffset(local)).ToUniversalTime();
    }

    public void Dispose() => _store.Dispose();
}
