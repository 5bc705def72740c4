using Analytics.Text;

namespace Analytics.Recognition;

/// <summary>
/// Turns facts into sentences. Only what someone did, never how they compare: no ranking, no
/// "most", no "lowest", and nothing below a threshold that would make the praise sound thin.
/// </summary>
internal static class HighlightWriter
{
    public static IEnumerable<Highlight> ForAgent(string team, string agent, RecognitionFacts f) => Write(team, agent, f, agentVoice: true);

    public static IEnumerable<Highlight> ForTeam(string team, RecognitionFacts f) => Write(team, null, f, agentVoice: false);

    private static IEnumerable<Highlight> Write(string team, string? agent, RecognitionFacts f, bool agentVoice)
    {
        if (f.PriorityOneResolved >= 1)
        {
            yield return new(team, agent, "p1", f.PriorityOneResolved == 1
                ? Phrase.Fixed("Highlight.PriorityOne.One", "resolved 1 priority-1 incident")
                : Phrase.Of("Highlight.PriorityOne.Other", $"resolved {f.PriorityOneResolved} priority-1 incidents"));
        }

        if (f.HardTicketsClosed >= 2)
        {
            yield return new(team, agent, "passed-on", Phrase.Of("Highlight.PassedOn", $"closed {f.HardTicketsClosed} tickets that had been passed on 3 or more times"));
        }

        if (f.ChangesAfterHours >= 2 && f.ChangesAfterHoursWithIncident == 0)
        {
            yield return new(team, agent, "changes-after-hours", Phrase.Of("Highlight.ChangesAfterHours", $"carried out {f.ChangesAfterHours} changes after hours, none of which caused an incident"));
        }

        var problems = f.Problems.Where(p => p.LinkedBefore >= 3).ToList();
        if (problems.Count == 1)
        {
            var problem = problems[0];
            var weeks = problem.WeeksBefore < 1.5
                ? Phrase.Fixed("Highlight.AWeek", "a week")
                : Phrase.Of("Highlight.Weeks", $"{Math.Round(problem.WeeksBefore):0} weeks");
            yield return new(team, agent, "problem", Phrase.Of("Highlight.Problem",
                $"solved problem {problem.ProblemId}, which had caused {problem.LinkedBefore} incidents in {weeks}; about {Math.Round(problem.PreventedEstimate):0} fewer are expected over the next {problem.PreventionWeeks} weeks"));
        }
        else if (problems.Count > 1)
        {
            yield return new(team, agent, "problem", Phrase.Of("Highlight.Problems",
                $"solved {problems.Count} problems that had caused {problems.Sum(p => p.LinkedBefore)} incidents; about {Math.Round(problems.Sum(p => p.PreventedEstimate)):0} fewer are expected over the next {problems[0].PreventionWeeks} weeks"));
        }

        if (agentVoice && f.TopArticle is { Uses: >= 10 } article)
        {
            yield return new(team, agent, "article", Phrase.Of("Highlight.Article", $"wrote the knowledge article “{article.Title}”, used in {article.Uses} tickets"));
        }
        else if (!agentVoice && f.ArticleUses >= 10)
        {
            yield return new(team, agent, "article", f.ArticlesWritten > 0
                ? Phrase.Of("Highlight.ArticlesWritten", $"maintains knowledge articles that have been used in {f.ArticleUses:#,0} tickets, {f.ArticlesWritten} of them written in this period")
                : Phrase.Of("Highlight.Articles", $"maintains knowledge articles that have been used in {f.ArticleUses:#,0} tickets"));
        }

        if (f.ThankYous >= 2)
        {
            yield return new(team, agent, "thank-you", Phrase.Of("Highlight.ThankYous", $"received {f.ThankYous:#,0} thank-yous in customer feedback"));
        }

        if (!agentVoice && f.Resolved > 0 && f.BehindTheScenesResolved * 2 >= f.Resolved)
        {
            yield return new(team, agent, "behind-the-scenes", Phrase.Of("Highlight.BehindTheScenes",
                $"resolved {f.Resolved:#,0} tickets, {f.BehindTheScenesResolved:#,0} of them work users never see (requests, changes, maintenance, monitoring, problems)"));
        }
    }
}
