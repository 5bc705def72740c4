using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Reports.Layout;

/// <summary>A piece of text drawn with one typeface.</summary>
internal readonly record struct GlyphRun(string Text, SKTypeface Typeface);

/// <summary>
/// Splits text into runs by the typeface that has its glyphs: the report font where it can, a
/// fallback font per character where it cannot, and '?' where no installed font can, so a PDF
/// never shows an empty box. Measuring and drawing both go through these runs.
/// </summary>
internal static class GlyphRuns
{
    public static IReadOnlyList<GlyphRun> Split(string text, ReportFonts fonts, bool bold)
    {
        var primary = fonts.Typeface(bold);
        var runs = new List<GlyphRun>();
        var current = new StringBuilder();
        SKTypeface? currentTypeface = null;

        // Whole grapheme clusters go to one typeface, so an emoji with a skin tone or a joined
        // family becomes one '?' when no font has it, not one per code point.
        var clusters = StringInfo.GetTextElementEnumerator(text.Replace('\t', ' '));
        while (clusters.MoveNext())
        {
            string cluster = clusters.GetTextElement();
            var (typeface, piece) = Resolve(cluster, primary, fonts, bold);
            if (piece.Length == 0)
            {
                continue;
            }

            if (!ReferenceEquals(typeface, currentTypeface) && current.Length > 0)
            {
                runs.Add(new GlyphRun(current.ToString(), currentTypeface!));
                current.Clear();
            }

            currentTypeface = typeface;
            current.Append(piece);
        }

        if (current.Length > 0)
        {
            runs.Add(new GlyphRun(current.ToString(), currentTypeface!));
        }

        return runs;
    }

    /// <summary>The text as one typeface can draw it: clusters it lacks become '?', invisible ones vanish.</summary>
    public static string ForSingleTypeface(string text, SKTypeface typeface)
    {
        var sb = new StringBuilder(text.Length);
        var clusters = StringInfo.GetTextElementEnumerator(text.Replace('\t', ' '));
        while (clusters.MoveNext())
        {
            string cluster = clusters.GetTextElement();
            if (Covers(typeface, cluster))
            {
                sb.Append(Drawable(typeface, cluster));
            }
            else if (cluster.EnumerateRunes().Any(r => !IsInvisible(r)))
            {
                sb.Append('?');
            }
        }

        return sb.ToString();
    }

    private static (SKTypeface Typeface, string Piece) Resolve(string cluster, SKTypeface primary, ReportFonts fonts, bool bold)
    {
        if (Covers(primary, cluster))
        {
            return (primary, Drawable(primary, cluster));
        }

        var visible = cluster.EnumerateRunes().Where(r => !IsInvisible(r)).ToList();
        if (visible.Count == 0)
        {
            // Only joiners, marks or direction controls that the report font does not draw.
            return (primary, string.Empty);
        }

        var fallback = fonts.FallbackFor(visible[0].Value, bold);
        return fallback is not null && Covers(fallback, cluster)
            ? (fallback, Drawable(fallback, cluster))
            : (primary, "?");
    }

    /// <summary>Every visible code point of the cluster has a glyph in the typeface.</summary>
    private static bool Covers(SKTypeface typeface, string cluster)
    {
        foreach (var rune in cluster.EnumerateRunes())
        {
            if (!GlyphCoverage.Has(typeface, rune.Value) && !IsInvisible(rune))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cluster without the invisible code points the typeface has no glyph for.</summary>
    private static string Drawable(SKTypeface typeface, string cluster)
    {
        bool complete = true;
        foreach (var rune in cluster.EnumerateRunes())
        {
            complete &= GlyphCoverage.Has(typeface, rune.Value);
        }

        return complete
            ? cluster
            : string.Concat(cluster.EnumerateRunes().Where(r => GlyphCoverage.Has(typeface, r.Value)).Select(r => r.ToString()));
    }

    /// <summary>Joiners, direction marks, variation selectors, combining marks and skin tones: dropped rather than drawn as '?'.</summary>
    public static bool IsInvisible(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Control or UnicodeCategory.Surrogate
            || rune.Value is >= 0x1F3FB and <= 0x1F3FF; // emoji skin-tone modifiers
    }
}
