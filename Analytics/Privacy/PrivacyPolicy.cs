using System.Text.RegularExpressions;
using Analytics.Tickets;
using Microsoft.Extensions.Options;

namespace Analytics.Privacy;

/// <summary>
/// The one place that decides what a result may say about people. Per-agent figures only for the
/// agent's own team manager (or the agent); aggregates over fewer than the minimum group size only
/// there too; agent names never in a result for another team or the department.
/// </summary>
public sealed class PrivacyPolicy
{
    private readonly PrivacyOptions _options;
    private readonly IReadOnlyList<Agent> _agents;
    private readonly Regex? _names;

    public PrivacyPolicy(IOptions<PrivacyOptions> options, IReadOnlyList<Agent> agents)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _agents = agents ?? throw new ArgumentNullException(nameof(agents));

        // Full names first, so "Sanne de Vries" goes as a whole rather than leaving "de Vries".
        var names = agents.SelectMany(a => new[] { a.Name, FirstName(a.Name) })
            .Where(n => n.Length >= 2)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .OrderByDescending(n => n.Length)
            .Select(Regex.Escape)
            .ToList();
        _names = names.Count == 0 ? null : new Regex($@"(?<![\p{{L}}\p{{N}}])(?:{string.Join('|', names)})(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
    }

    public int MinimumGroupSize => _options.MinimumGroupSize;

    /// <summary>Whether a result for <paramref name="scope"/> may show this agent's own figures or name.</summary>
    public static bool MayShowAgent(ReportScope scope, string agent, string agentTeam) => scope switch
    {
        TeamScope team => string.Equals(team.Team, agentTeam, StringComparison.Ordinal),
        AgentScope own => string.Equals(own.Agent, agent, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// Whether an aggregate over <paramref name="people"/> people of <paramref name="team"/> must be
    /// suppressed in <paramref name="scope"/>: it would single out individuals unless the reader may see them anyway.
    /// </summary>
    /// <remarks>
    /// A team with no people in the period (no one on its staff, no one who resolved its tickets) singles
    /// nobody out: its figures are shown. Hiding it would merge a large team with it for nothing (an
    /// inferred roster gives every person one home team, leaving quiet teams empty).
    /// </remarks>
    public bool Suppresses(ReportScope scope, string team, int people) =>
        people > 0 && people < _options.MinimumGroupSize && !(scope is TeamScope t && string.Equals(t.Team, team, StringComparison.Ordinal));

    /// <summary>Whether the agent asked not to be named in recognition (highlights, thanks, problems solved).</summary>
    public bool OptedOut(string agent) =>
        _agents.Any(a => a.RecognitionOptOut && string.Equals(a.Name, agent, StringComparison.Ordinal));

    /// <summary>
    /// The rows a table of <paramref name="teams"/> may have in <paramref name="scope"/>. Leaving a small team out
    /// while printing every other team and a total that includes it gives the small team away by subtraction
    /// (backlog 858 - 773 = 85). So the teams the scope may not see share one merged row, joined by the smallest
    /// other teams until it holds at least the minimum of people: every total minus the printed rows is then
    /// nothing, and no row is one small team's figures. Teams on a row of their own come first, in name order.
    /// </summary>
    /// <param name="teams">Every team the table is about, with the people that count for the minimum.</param>
    /// <param name="namedElsewhere">
    /// Teams whose figures the report also prints outside the table (a flag's reasons): taken last into the
    /// merged row, because the merged row minus such a team's figure would give the small team away again.
    /// </param>
    public IReadOnlyList<TeamRow> TeamRows(ReportScope scope, IEnumerable<(string Team, int People)> teams, IReadOnlySet<string>? namedElsewhere = null)
    {
        ArgumentNullException.ThrowIfNull(teams);
        var all = teams.ToList();
        var hidden = all.Where(t => Suppresses(scope, t.Team, t.People)).ToList();
        var group = new List<(string Team, int People)>(hidden);
        if (hidden.Count > 0)
        {
            var partners = all.Where(t => !hidden.Contains(t))
                .OrderBy(t => namedElsewhere?.Contains(t.Team) == true)
                .ThenBy(t => t.People)
                .ThenBy(t => t.Team, StringComparer.Ordinal);
            foreach (var partner in partners)
            {
                if (group.Sum(t => t.People) >= _options.MinimumGroupSize && group.Count >= 2)
                {
                    break;
                }

                group.Add(partner);
            }
        }

        var rows = all.Where(t => !group.Contains(t)).OrderBy(t => t.Team, StringComparer.Ordinal)
            .Select(t => new TeamRow(t.Team, [t.Team], t.People, true))
            .ToList();
        if (group.Count > 0)
        {
            var people = group.Sum(t => t.People);
            rows.Add(new TeamRow(
                group.Count == 1 ? group[0].Team : TeamRow.SmallerTeams(group.Count, people),
                [.. group.Select(t => t.Team).Order(StringComparer.Ordinal)],
                people,
                group.Count >= 2 && people >= _options.MinimumGroupSize));
        }

        return rows;
    }

    /// <summary>Text about work (comments, titles) with the names of agents the scope may not see replaced.</summary>
    public string Redact(string text, ReportScope scope)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_names is null)
        {
            return text;
        }

        return _names.Replace(text, match =>
        {
            var agent = _agents.FirstOrDefault(a => string.Equals(a.Name, match.Value, StringComparison.OrdinalIgnoreCase))
                ?? _agents.FirstOrDefault(a => string.Equals(FirstName(a.Name), match.Value, StringComparison.OrdinalIgnoreCase) && MayShowAgent(scope, a.Name, a.Team))
                ?? _agents.First(a => string.Equals(FirstName(a.Name), match.Value, StringComparison.OrdinalIgnoreCase));
            return MayShowAgent(scope, agent.Name, agent.Team) ? match.Value : _options.NameReplacement;
        });
    }

    private static string FirstName(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
}
