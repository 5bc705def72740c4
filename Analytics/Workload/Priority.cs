using System.Globalization;

namespace Analytics.Workload;

/// <summary>Reads a source's priority text as a level from 1 (most urgent) to 5.</summary>
public static class Priority
{
    /// <summary>
    /// "1 - Critical", "P1", "Prio 2", "Critical", "Hoog", "Kritiek": the leading digit when there is one,
    /// else the word. Unknown text gives null rather than a guess.
    /// </summary>
    public static int? Level(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        foreach (var c in text)
        {
            if (char.IsAsciiDigit(c))
            {
                var level = c - '0';
                return level is >= 1 and <= 5 ? level : null;
            }
        }

        return text.Trim().ToLower(CultureInfo.InvariantCulture) switch
        {
            "critical" or "kritiek" or "urgent" or "blocker" or "highest" => 1,
            "high" or "hoog" or "major" => 2,
            "medium" or "moderate" or "normal" or "normaal" or "gemiddeld" => 3,
            "low" or "laag" or "minor" => 4,
            "planning" or "lowest" or "trivial" => 5,
            _ => null,
        };
    }
}
