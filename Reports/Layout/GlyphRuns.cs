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

        foreach (var rune in text.EnumerateRunes())
        {
            var r = rune.Value == '\t' ? new Rune(' ') : rune;
            SKTypeface? typeface = GlyphCoverage.Has(primary, r.Value) ? primary : fonts.FallbackFor(r.Value, bold);
            string piece;
            if (typeface is not null)
            {
                piece = r.ToString();
            }
            else if (IsInvisible(r))
            {
                continue;
            }
            else
            {
                typeface = primary;
                piece = "?";
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

    /// <summary>Joiners, direction marks, variation selectors and combining marks: dropped rather than drawn as '?'.</summary>
    public static bool IsInvisible(Rune rune)
    {
        var category = Rune.GetUnicodeCategory(rune);
        return category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.Control or UnicodeCategory.Surrogate;
    }
}
