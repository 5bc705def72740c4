using System.Text.RegularExpressions;
using Analytics.Tickets;
using Microsoft.Extensions.Options;

namespace Analytics.Recognition;

/// <summary>Sorts a ticket into a <see cref="WorkCategory"/> by the configured rules.</summary>
public sealed class WorkClassifier
{
    private readonly IReadOnlyList<CompiledRule> _rules;

    public WorkClassifier(IOptions<InvisibleWorkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        IEnumerable<WorkRule> rules = options.Value.Rules is { Count: > 0 } configured ? configured : InvisibleWorkOptions.DefaultRules;
        _rules = [.. rules.Select((rule, i) => new CompiledRule(rule, i))];
    }

    public WorkCategory Classify(TicketKind kind, Channel? channel, bool proactive, string? category, string? subcategory, string? title)
    {
        foreach (var rule in _rules)
        {
            if (rule.Matches(kind, channel, proactive, category, subcategory, title))
            {
                return rule.Rule.Category;
            }
        }

        return kind == TicketKind.Incident && !proactive ? WorkCategory.UserIncidents : WorkCategory.Provisioning;
    }

    private sealed class CompiledRule
    {
        private readonly Regex? _category;
        private readonly Regex? _keywords;

        public CompiledRule(WorkRule rule, int index)
        {
            Rule = rule;
            _category = Compile(rule.CategoryPattern, index, "CategoryPattern");
            _keywords = Compile(rule.Keywords, index, "Keywords");
        }

        public WorkRule Rule { get; }

        public bool Matches(TicketKind kind, Channel? channel, bool proactive, string? category, string? subcategory, string? title) =>
            (Rule.Kinds.Count == 0 || Rule.Kinds.Contains(kind))
            && (Rule.Channels.Count == 0 || (channel is { } c && Rule.Channels.Contains(c)))
            && (Rule.Proactive is not { } p || p == proactive)
            && (_category is null || _category.IsMatch(category ?? "") || _category.IsMatch(subcategory ?? ""))
            && (_keywords is null || _keywords.IsMatch(title ?? ""));

        private static Regex? Compile(string? pattern, int index, string field)
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                return null;
            }

            try
            {
                return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, TimeSpan.FromMilliseconds(200));
            }
            catch (ArgumentException ex)
            {
                throw new OptionsValidationException(InvisibleWorkOptions.Section, typeof(InvisibleWorkOptions),
                    [$"InvisibleWork:Rules:{index}:{field}: '{pattern}' is not a valid regular expression ({ex.Message})."]);
            }
        }
    }
}
