namespace Reports.Layout;

/// <summary>
/// The characters the report font is cut down to: the Latin letters of European names and words
/// (Latin-1, Latin Extended-A, Romanian ș ț), Greek, and the punctuation, arrows, operators and
/// shapes the reports and charts draw. Every glyph kept costs PDF bytes in every report (the whole
/// list is about 560 glyphs, some 20 KB compressed per face), so blocks are not kept whole: anything
/// else (Vietnamese, Cyrillic, Arabic, CJK, emoji) comes from a fallback font, embedded only in the
/// reports that use it.
/// </summary>
public static class ReportCharacters
{
    private static readonly (int First, int Last)[] Ranges =
    [
        (0x0020, 0x007E), // Basic Latin
        (0x00A0, 0x017F), // Latin-1 Supplement and Latin Extended-A (ł, ş, ı, ő, č ...)
        (0x0218, 0x021B), // Romanian ș ț
        (0x0300, 0x0308), // the common combining accents, for names typed decomposed
        (0x030A, 0x030C),
        (0x0327, 0x0328),
        (0x0370, 0x03FF), // Greek (µ, Δ, σ)
        (0x2010, 0x2027), // dashes, quotes, bullets, ellipsis
        (0x2030, 0x203A), // per mille, single guillemets
        (0x20AC, 0x20AC), // euro
        (0x2116, 0x2116), // №
        (0x2122, 0x2122), // ™
        (0x2190, 0x2195), // arrows ← ↑ → ↓ ↔ ↕
        (0x2212, 0x2212), // minus sign (the figures' "−3 vs last week")
        (0x221E, 0x221E), // ∞
        (0x2248, 0x2248), // ≈
        (0x2260, 0x2260), // ≠
        (0x2264, 0x2265), // ≤ ≥
        (0x25A0, 0x25A1), // ■ □
        (0x25B2, 0x25BC), // ▲ △ ▶ ▷ ▼ and neighbours
        (0x25C6, 0x25CF), // ◆ ○ ●
        (0x2713, 0x2718), // check marks and crosses
    ];

    public static IEnumerable<int> Default => Ranges.SelectMany(r => Enumerable.Range(r.First, r.Last - r.First + 1));
}
