using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using SkiaSharp;

namespace Reports.Layout;

/// <summary>Whether a typeface has a glyph for a code point, cached: run splitting asks for every character.</summary>
internal static class GlyphCoverage
{
    private static readonly ConditionalWeakTable<SKTypeface, Coverage> Table = [];

    public static bool Has(SKTypeface typeface, int codePoint) =>
        Table.GetValue(typeface, static t => new Coverage(t)).Has(codePoint);

    private sealed class Coverage(SKTypeface typeface)
    {
        private readonly ConcurrentDictionary<int, bool> known = new();
        private readonly Lock gate = new();

        public bool Has(int codePoint) => known.GetOrAdd(codePoint, cp =>
        {
            lock (gate)
            {
                using var font = new SKFont(typeface);
                return font.ContainsGlyph(cp);
            }
        });
    }
}
