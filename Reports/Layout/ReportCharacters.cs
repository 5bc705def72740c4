namespace Reports.Layout;

/// <summary>
/// The characters the report font is cut down to: Latin scripts of European names and words,
/// punctuation, arrows and shapes the reports draw, digits for charts. Anything else is rare
/// (Arabic, CJK, emoji) and comes from the fallback fonts, embedded only when a report uses them.
/// </summary>
public static class ReportCharacters
{
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x0020, 0x007E), // Basic Latin
        (0x00A0, 0x024F), // Latin-1 Supplement, Latin Extended-A and -B
        (0x0300, 0x036F), // combining accents
        (0x0370, 0x03FF), // Greek (µ, Δ, σ)
        (0x1E00, 0x1EFF), // Latin Extended Additional
        (0x2010, 0x2027), // dashes, quotes, bullets, ellipsis
        (0x2030, 0x205E), // per mille, guillemets
        (0x20AC, 0x20AC), // euro
        (0x2100, 0x2122), // № ™
        (0x2190, 0x21FF), // arrows
        (0x2200, 0x22FF), // mathematical operators (− ≤ ≥ ≈ ∞)
        (0x2500, 0x25FF), // box drawing and geometric shapes (▲ ▼ ● ■)
        (0x2713, 0x2718), // check marks and crosses
    ];

    public static IEnumerable<int> Default => Ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1));
}
