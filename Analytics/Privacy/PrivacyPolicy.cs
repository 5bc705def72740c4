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
    public bool Suppresses(ReportScope scope, string team, int people) =>
        people < _options.MinimumGroupSize && !(scope is TeamScope t && string.Equals(t.Team, team, StringComparison.Ordinal));

    /// <summary>Whether the agent asked not to be named in recognition (highlights, thanks, problems solved).</summary>
    public bool OptedOut(string agent) =>
        _agents.Any(a => a.RecognitionOptOut && string.Equals(a.Name, agent, StringComparison.Ordinal));

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
