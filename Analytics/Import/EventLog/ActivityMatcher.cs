namespace Analytics.Import.EventLog;

/// <summary>
/// Matches activity names against a mapping's list: case-insensitive, spaces around ignored, and a
/// trailing '*' matches every activity starting with what precedes it ("Accepted-*").
/// </summary>
internal sealed class ActivityMatcher
{
    private readonly HashSet<string> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _prefixes = [];

    public ActivityMatcher(IEnumerable<string> patterns)
    {
        foreach (var pattern in patterns)
        {
            var p = pattern.Trim();
            if (p.EndsWith('*'))
            {
                _prefixes.Add(p[..^1]);
            }
            else
            {
                _exact.Add(p);
            }
        }
    }

    public bool IsEmpty => _exact.Count == 0 && _prefixes.Count == 0;

    public bool Matches(string? activity)
    {
        if (activity is null)
        {
            return false;
        }

        if (_exact.Contains(activity))
        {
            return true;
        }

        foreach (var prefix in _prefixes)
        {
            if (activity.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
