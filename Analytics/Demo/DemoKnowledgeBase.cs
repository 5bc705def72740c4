using System.Globalization;
using Analytics.Import;
using Analytics.Tickets;

namespace Analytics.Demo;

/// <summary>Knowledge articles written by the agents over the period, some of them used in many tickets.</summary>
internal sealed class DemoKnowledgeBase(DemoScenario scenario, IReadOnlyList<Agent> agents, TimeZoneInfo zone, DemoRandom random, string source)
{
    private static readonly string[] Prefixes = ["Handleiding: ", "How to: ", "Werkinstructie: ", "Known error: ", "FAQ: "];

    public IReadOnlyList<KnowledgeArticle> Articles()
    {
        var articles = new List<KnowledgeArticle>();
        var days = scenario.LastDay.DayNumber - scenario.FirstDay.DayNumber;
        var number = 0;
        foreach (var team in agents.Select(a => a.Team).Distinct())
        {
            var authors = agents.Where(a => a.Team == team).ToList();
            var catalogue = DemoCatalog.For(team);
            for (var i = authors.Count * 3; i > 0; i--)
            {
                var author = random.Pick(authors);
                var created = scenario.FirstDay.AddDays(random.Next(days));
                if (author.StartDate is { } start && created < start)
                {
                    created = start.AddDays(random.Next(1, 60));
                }

                if (created > scenario.LastDay)
                {
                    continue;
                }

                var age = (double)(scenario.LastDay.DayNumber - created.DayNumber) / days;
                number++;
                articles.Add(new KnowledgeArticle
                {
                    Source = source,
                    ArticleId = string.Create(CultureInfo.InvariantCulture, $"KB{number + 1000:0000000}"),
                    Title = random.Pick(Prefixes) + random.Pick(random.Pick(catalogue).Titles),
                    Author = author.Name,
                    Team = team,
                    CreatedAt = LocalTime.ToUtc(created.ToDateTime(new TimeOnly(random.Next(8, 17), random.Next(60))), zone),
                    TimesUsed = (int)Math.Round(random.LogNormal(5, 1.1) * age * 2),
                });
            }
        }

        return articles;
    }
}
