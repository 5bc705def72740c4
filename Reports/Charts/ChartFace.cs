using System.Text;
using Reports.Layout;
using SkiaSharp;

namespace Reports.Charts;

/// <summary>
/// The typefaces one chart is drawn with. ScottPlot draws every label with a single typeface and has no
/// per-character fallback, and the report font is cut down to Latin and Greek (see <see cref="ReportCharacters"/>),
/// so a chart whose labels hold a Cyrillic, Arabic or CJK team or agent name is drawn with a face that has
/// those glyphs: the report font's full face when it has them (DejaVu Sans covers Latin, Greek and Cyrillic),
/// else the installed font the report text falls back to. Only what no font can draw becomes '?'.
/// </summary>
internal sealed record ChartFace(string Name, SKTypeface Regular, SKTypeface Bold)
{
    /// <summary>The report font, when it draws every label of the chart; otherwise the candidate that draws the most.</summary>
    public static ChartFace For(ReportFonts fonts, IReadOnlyCollection<string> texts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        var primary = new ChartFace("reports:" + fonts.FamilyName, fonts.Regular, fonts.Bold);
        var runes = texts.SelectMany(t => t.EnumerateRunes()).Where(r => !GlyphRuns.IsInvisible(r)).Select(r => r.Value).Distinct().ToList();
        var missing = runes.Where(r => !GlyphCoverage.Has(fonts.Regular, r)).ToList();
        if (missing.Count == 0)
        {
            return primary;
        }

        var best = primary;
        var bestCovered = runes.Count - missing.Count;
        foreach (var candidate in Candidates(fonts, missing))
        {
            var covered = runes.Count(r => GlyphCoverage.Has(candidate.Regular, r));
            if (covered > bestCovered)
            {
                (best, bestCovered) = (candidate, covered);
            }

            if (bestCovered == runes.Count)
            {
                break;
            }
        }

        return best;
    }

    /// <summary>The label as this face draws it: characters it lacks become '?', invisible ones vanish.</summary>
    public string Drawable(string cleaned) => GlyphRuns.ForSingleTypeface(cleaned, Regular);

    private static IEnumerable<ChartFace> Candidates(ReportFonts fonts, IReadOnlyList<int> missing)
    {
        // The report font's own family, uncut: the chart looks like the page around it.
        var installed = FontFileCatalog.FindFamily(fonts.FamilyName, bold: false);
        if (installed is not null)
        {
            yield return Face(installed, FontFileCatalog.FindFamily(fonts.FamilyName, bold: true));
        }

        if (string.Equals(fonts.FamilyName, BundledFont.Family, StringComparison.OrdinalIgnoreCase) && BundledFont.Load(bold: false) is { } bundled)
        {
            yield return Face(bundled, BundledFont.Load(bold: true));
        }

        // The faces the page's text falls back to for the characters the report font lacks (shared, so embedded once).
        foreach (var codePoint in missing)
        {
            if (fonts.FallbackFor(codePoint, bold: false) is { } fallback)
            {
                yield return Face(fallback, fonts.FallbackFor(codePoint, bold: true) is { } bold && bold.FamilyName == fallback.FamilyName ? bold : null);
            }
        }

        // Last: the bundled DejaVu, which a machine without any fonts still has.
        if (BundledFont.Load(bold: false) is { } last)
        {
            yield return Face(last, BundledFont.Load(bold: true));
        }
    }

    private static ChartFace Face(SKTypeface regular, SKTypeface? bold)
    {
        var name = new StringBuilder("reports-fallback:").Append(regular.FamilyName).Append(':').Append(regular.Handle.ToString("x", System.Globalization.CultureInfo.InvariantCulture)).ToString();
        return new ChartFace(name, regular, bold ?? regular);
    }
}
