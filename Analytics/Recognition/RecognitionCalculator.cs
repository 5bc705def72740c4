using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Storage;
using Analytics.Tickets;
using Analytics.Workload;
using Dapper;
using Microsoft.Extensions.Options;

namespace Analytics.Recognition;

/// <summary>
/// Gathers what agents and teams did in a period that deserves recognition, from the resolved
/// tickets, the knowledge base and customer feedback, and writes the highlights. Agents who opted
/// out get none; their work still counts in their team's highlights, without their name.
/// </summary>
public sealed partial class RecognitionCalculator(
    IDbConnectionFactory connections,
    ReferenceStore reference,
    ActivityStore activity,
    WorkClassifier classifier,
    IHolidayCalendar holidays,
    IOptions<InvisibleWorkOptions> options,
    IOptions<WorkloadOptions> workload,
    IOptions<PrivacyOptions>? privacy = null)
{
    public async Task<RecognitionResult> ComputeAsync(IsoWeek firstWeek, IsoWeek lastWeek, CancellationToken cancellationToken)
    {
        var agents = (await reference.GetAgentsAsync(cancellationToken)).ToDictionary(a => a.Name, StringComparer.Ordinal);
        var clocks = new TeamClocks(await reference.GetTeamsAsync(cancellationToken), workload.Value.TimeZone, firstWeek, lastWeek, holidays);
        TeamClock Clock(string team) => clocks.For(team);

        bool InPeriod(string team, DateTimeOffset instant)
        {
            var week = Clock(team).WeekIndex(instant);
            return week >= 0 && week < Clock(team).WeekCount;
        }

        var byAgent = new Dictionary<string, RecognitionFacts>(StringComparer.Ordinal);
        var byTeam = new Dictionary<string, RecognitionFacts>(StringComparer.Ordinal);
        RecognitionFacts AgentFacts(string name) => byAgent.TryGetValue(name, out var f) ? f : byAgent[name] = new RecognitionFacts();
        RecognitionFacts TeamFacts(string name) => byTeam.TryGetValue(name, out var f) ? f : byTeam[name] = new RecognitionFacts();

        var (from, until) = Window(firstWeek, lastWeek);
        var causedIncidents = await ChangesThatCausedIncidentsAsync(cancellationToken);
        await foreach (var t in ResolvedAsync(from, until, cancellationToken))
        {
            if (t.Team is null || !InPeriod(t.Team, t.ResolvedAt))
            {
                continue;
            }

            var team = TeamFacts(t.Team);
            var agent = t.ResolvedBy is { } r ? AgentFacts(r) : null;
            var isP1 = t.Kind == TicketKind.Incident && Priority.Level(t.Priority) == 1;
            var hard = t.ReassignmentCount >= 3;
            var afterHoursChange = t.Kind == TicketKind.Change && Clock(t.Team).IsAfterHours(t.ResolvedAt);
            var causedIncident = causedIncidents.Contains((t.Source, t.TicketId));
            var behind = WorkCategoryNames.IsBehindTheScenes(classifier.Classify(t.Kind, t.Channel, t.Proactive, t.Category, t.Subcategory, t.Title));
            foreach (var facts in new[] { team, agent }.OfType<RecognitionFacts>())
            {
                facts.Resolved++;
                facts.BehindTheScenesResolved += behind ? 1 : 0;
                facts.PriorityOneResolved += isP1 ? 1 : 0;
                facts.HardTicketsClosed += hard ? 1 : 0;
                facts.ChangesAfterHours += afterHoursChange ? 1 : 0;
                facts.ChangesAfterHoursWithIncident += afterHoursChange && causedIncident ? 1 : 0;
            }
        }

        var problems = await ProblemCreditsAsync(from, until, cancellationToken);
        foreach (var problem in problems.Where(p => InPeriod(p.Team, p.FixedAt)))
        {
            TeamFacts(problem.Team).Problems.Add(problem);
            if (problem.SolvedBy is { } solver)
            {
                AgentFacts(solver).Problems.Add(problem);
            }
        }

        foreach (var article in await activity.GetArticlesAsync(cancellationToken))
        {
            var team = article.Team ?? (article.Author is { } author && agents.TryGetValue(author, out var a) ? a.Team : null);
            var written = team is not null && InPeriod(team, article.CreatedAt);
            foreach (var facts in new[] { team is null ? null : TeamFacts(team), article.Author is null ? null : AgentFacts(article.Author) }.OfType<RecognitionFacts>())
            {
                facts.ArticleUses += article.TimesUsed;
                facts.ArticlesWritten += written ? 1 : 0;
                if (facts.TopArticle is not { } top || article.TimesUsed > top.Uses)
                {
                    facts.TopArticle = (article.Title, article.TimesUsed);
                }
            }
        }

        // Every name the store knows goes from the quotes, the customers' own signatures with them.
        var anonymiser = new QuoteAnonymiser(await reference.GetPersonNamesAsync(cancellationToken), (privacy?.Value ?? new PrivacyOptions()).NameReplacement);
        var thankYous = new List<ThankYou>();
        await foreach (var (team, agent, given, score, comment) in FeedbackAsync(from, until, cancellationToken))
        {
            if (!InPeriod(team, given) || score < 4 || comment is null || !Thanks().IsMatch(comment))
            {
                continue;
            }

            TeamFacts(team).ThankYous++;
            if (agent is not null)
            {
                AgentFacts(agent).ThankYous++;
            }

            // Opting out removes the name, not the thanks: every thanks counts in the totals, and is
            // quoted only if the agent did not opt out and what is left after anonymising still thanks.
            var optedOut = agent is not null && agents.TryGetValue(agent, out var who) && who.RecognitionOptOut;
            var quote = optedOut ? null : anonymiser.Anonymise(comment);
            thankYous.Add(new ThankYou(team, optedOut ? null : agent, given, score, quote is not null && Thanks().IsMatch(quote) ? quote : null));
        }

        var highlights = new List<Highlight>();
        foreach (var (name, facts) in byTeam.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            highlights.AddRange(HighlightWriter.ForTeam(name, facts));
        }

        foreach (var (name, facts) in byAgent.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (agents.TryGetValue(name, out var agent) && !agent.RecognitionOptOut)
            {
                highlights.AddRange(HighlightWriter.ForAgent(agent.Team, name, facts));
            }
        }

        return new RecognitionResult(firstWeek, lastWeek, highlights, problems.Where(p => InPeriod(p.Team, p.FixedAt)).ToList(), thankYous)
        {
            FeedbackInData = thankYous.Count > 0 || await AnyFeedbackAsync(until, cancellationToken),
        };
    }

    /// <summary>A day either side of the weeks covers every team's local week in UTC.</summary>
    private static (DateTimeOffset From, DateTimeOffset Until) Window(IsoWeek first, IsoWeek last) =>
        (new DateTimeOffset(first.Monday.AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
         new DateTimeOffset(last.NextMonday.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    private async IAsyncEnumerable<ResolvedTicket> ResolvedAsync(DateTimeOffset from, DateTimeOffset until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT source, ticket_id, kind, priority, team, resolved_by, resolved_at, reassignment_count, category, subcategory, title, proactive, channel
            FROM {d.Table("tickets")}
            WHERE resolved_at >= @from AND resolved_at < @until
            """,
            new { from = d.ToDb(from), until = d.ToDb(until) },
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return new ResolvedTicket(
                reader.GetString(0), reader.GetString(1), CanonicalNames.ParseKind(reader.GetString(2)), Text(reader, 3), Text(reader, 4), Text(reader, 5),
                d.ReadInstant(reader, 6), Convert.ToInt32(reader.GetValue(7), CultureInfo.InvariantCulture), Text(reader, 8), Text(reader, 9), Text(reader, 10),
                d.ReadBool(reader, 11), reader.IsDBNull(12) ? null : CanonicalNames.ParseChannel(reader.GetString(12)));
        }
    }

    private async Task<HashSet<(string, string)>> ChangesThatCausedIncidentsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<(string Source, string Change)>(new CommandDefinition(
            $"SELECT DISTINCT source, caused_by_change FROM {connections.Dialect.Table("tickets")} WHERE caused_by_change IS NOT NULL",
            cancellationToken: cancellationToken));
        return [.. rows.Select(r => (r.Source, r.Change))];
    }

    /// <summary>Problems fixed in the window with their linked incidents: a scan of linked tickets, folded per problem.</summary>
    private async Task<List<ProblemCredit>> ProblemCreditsAsync(DateTimeOffset from, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        var fixedProblems = new Dictionary<(string, string), (string Team, string? Title, string? By, DateTimeOffset Fixed)>();
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT source, ticket_id, team, title, resolved_by, resolved_at
            FROM {d.Table("tickets")}
            WHERE kind = 'problem' AND team IS NOT NULL AND resolved_at >= @from AND resolved_at < @until
            """,
            new { from = d.ToDb(from), until = d.ToDb(until) },
            cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                fixedProblems[(reader.GetString(0), reader.GetString(1))] = (reader.GetString(2), Text(reader, 3), Text(reader, 4), d.ReadInstant(reader, 5));
            }
        }

        if (fixedProblems.Count == 0)
        {
            return [];
        }

        var linked = new Dictionary<(string, string), (int Before, DateTimeOffset First, int After)>();
        await using (var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"SELECT source, problem_id, opened_at FROM {d.Table("tickets")} WHERE problem_id IS NOT NULL",
            cancellationToken: cancellationToken)))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                if (!fixedProblems.TryGetValue(key, out var problem))
                {
                    continue;
                }

                var opened = d.ReadInstant(reader, 2);
                var tally = linked.TryGetValue(key, out var known) ? known : (Before: 0, First: DateTimeOffset.MaxValue, After: 0);
                linked[key] = opened <= problem.Fixed
                    ? (tally.Before + 1, opened < tally.First ? opened : tally.First, tally.After)
                    : (tally.Before, tally.First, tally.After + 1);
            }
        }

        var window = options.Value.PreventionWeeks;
        return [.. fixedProblems.Select(p =>
        {
            var (before, first, after) = linked.GetValueOrDefault(p.Key, (0, p.Value.Fixed, 0));
            var weeks = Math.Max(1.0, (p.Value.Fixed - first).TotalDays / 7.0);
            var prevented = Math.Max(0, (before / weeks * window) - after);
            return new ProblemCredit(p.Key.Item2, p.Value.Team, p.Value.Title, p.Value.By, p.Value.Fixed, before, weeks, after, prevented, window);
        }).OrderBy(p => p.FixedAt)];
    }

    private async IAsyncEnumerable<(string Team, string? Agent, DateTimeOffset Given, int Score, string? Comment)> FeedbackAsync(DateTimeOffset from, DateTimeOffset until, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var reader = await connection.ExecuteReaderAsync(new CommandDefinition(
            $"""
            SELECT t.team, t.resolved_by, f.given_at, f.score, f.comment
            FROM {d.Table("feedback")} f
            JOIN {d.Table("tickets")} t ON t.source = f.source AND t.ticket_id = f.ticket_id
            WHERE f.given_at >= @from AND f.given_at < @until AND t.team IS NOT NULL
            """,
            new { from = d.ToDb(from), until = d.ToDb(until) },
            cancellationToken: cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
        {
            yield return (reader.GetString(0), Text(reader, 1), d.ReadInstant(reader, 2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture), Text(reader, 4));
        }
    }

    private async Task<bool> AnyFeedbackAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var d = connections.Dialect;
        await using var connection = await connections.OpenAsync(cancellationToken);
        var any = await connection.ExecuteScalarAsync<object?>(new CommandDefinition(
            $"SELECT MIN(given_at) FROM {d.Table("feedback")} WHERE given_at < @until", new { until = d.ToDb(until) }, cancellationToken: cancellationToken));
        return any is not null and not DBNull;
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    [GeneratedRegex(@"\b(dank\w*|bedankt|thank\w*|thx|top|super|geweldig|great|fijn|merci)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 1000)]
    private static partial Regex Thanks();

    private sealed record ResolvedTicket(
        string Source, string TicketId, TicketKind Kind, string? Priority, string? Team, string? ResolvedBy, DateTimeOffset ResolvedAt,
        int ReassignmentCount, string? Category, string? Subcategory, string? Title, bool Proactive, Channel? Channel);
}
