using System.Collections.Concurrent;
using Reports.Layout;
using ScottPlot;
using SkiaSharp;

namespace Reports.Charts;

/// <summary>
/// Hands the report's own typefaces (and a chart's fallback face, see <see cref="ChartFace"/>) to ScottPlot
/// under a private font name. ScottPlot resolves fonts by name through Skia's font manager, which finds
/// nothing on SkiaSharp's dependency-free Linux build; sharing the typeface objects also keeps each font
/// embedded once per PDF.
/// </summary>
internal static class ScottPlotFonts
{
    private static readonly ConcurrentDictionary<string, ChartFace> Registered = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();
    private static bool resolverAdded;

    /// <summary>The font name to give ScottPlot for these fonts.</summary>
    public static string NameFor(ReportFonts fonts)
    {
        ArgumentNullException.ThrowIfNull(fonts);
        return NameFor(new ChartFace("reports:" + fonts.FamilyName, fonts.Regular, fonts.Bold));
    }

    /// <summary>The font name to give ScottPlot for this face.</summary>
    public static string NameFor(ChartFace face)
    {
        Registered.TryAdd(face.Name, face);
        lock (Gate)
        {
            if (!resolverAdded)
            {
                // ScottPlot's resolver list is a plain static list: add once, in front of the system resolver.
                ScottPlot.Fonts.FontResolvers.Insert(0, new Resolver());
                resolverAdded = true;
            }
        }

        return face.Name;
    }

    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            Registered.TryGetValue(fontName, out var face) ? (weight >= FontWeight.SemiBold ? face.Bold : face.Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            CreateTypeface(fontName, bold ? FontWeight.Bold : FontWeight.Normal, italic ? FontSlant.Italic : FontSlant.Upright, FontSpacing.Normal);
    }
}
