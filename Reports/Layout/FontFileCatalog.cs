using System.Collections.Concurrent;
using SkiaSharp;

namespace Reports.Layout;

/// <summary>
/// The font files installed on this machine, found by scanning the usual font folders.
/// Skia's font manager cannot list fonts when SkiaSharp runs on its dependency-free Linux
/// build (no fontconfig), so family names are resolved here as a second way.
/// </summary>
internal static class FontFileCatalog
{
    private static readonly Lazy<IReadOnlyList<FontFileEntry>> Entries = new(Scan, LazyThreadSafetyMode.ExecutionAndPublication);

    // Skia embeds a whole font file per typeface object, so one typeface per file for the process:
    // the layout and ScottPlot then share it and the PDF carries each font once.
    private static readonly ConcurrentDictionary<string, SKTypeface?> Typefaces = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<(int CodePoint, bool Bold), SKTypeface?> CodePointFallbacks = new();

    public static SKTypeface? FindFamily(string family, bool bold)
    {
        var candidates = Entries.Value
            .Where(e => string.Equals(e.Family, family, StringComparison.OrdinalIgnoreCase))
            .OrderBy(e => e.Score(bold))
            .ToList();
        return candidates.Count == 0 ? null : Open(candidates[0].Path);
    }

    /// <summary>Any installed font that has a glyph for the code point, upright and close in weight.</summary>
    public static SKTypeface? FindForCodePoint(int codePoint, bool bold) =>
        CodePointFallbacks.GetOrAdd((codePoint, bold), static key =>
        {
            foreach (var entry in Entries.Value.OrderBy(e => e.Score(key.Bold)))
            {
                var typeface = Open(entry.Path);
                if (typeface is not null && GlyphCoverage.Has(typeface, key.CodePoint))
                {
                    return typeface;
                }
            }

            return null;
        });

    /// <summary>The first upright regular face of a family from the list that is installed.</summary>
    public static SKTypeface? FirstInstalled(IEnumerable<string> families)
    {
        foreach (var family in families)
        {
            var typeface = FindFamily(family, bold: false);
            if (typeface is not null)
            {
                return typeface;
            }
        }

        var any = Entries.Value.OrderBy(e => e.Score(bold: false)).FirstOrDefault();
        return any is null ? null : Open(any.Path);
    }

    private static SKTypeface? Open(string path) =>
        Typefaces.GetOrAdd(path, static p =>
        {
            var typeface = SKTypeface.FromFile(p);
            return typeface is null || typeface.IsEmpty ? null : typeface;
        });

    private static List<FontFileEntry> Scan()
    {
        var entries = new List<FontFileEntry>();
        foreach (var folder in FontFolders().Where(Directory.Exists).Distinct(StringComparer.Ordinal))
        {
            IEnumerable<string> files;
            try
            {
                files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files.Where(IsFontFile).Order(StringComparer.Ordinal))
            {
                using var probe = SKTypeface.FromFile(file);
                if (probe is null || probe.IsEmpty || string.IsNullOrEmpty(probe.FamilyName))
                {
                    continue;
                }

                entries.Add(new FontFileEntry(file, probe.FamilyName, probe.FontWeight, probe.FontWidth, probe.FontSlant));
            }
        }

        return entries;
    }

    private static bool IsFontFile(string path) =>
        path.EndsWith(".ttf", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".otf", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".ttc", StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<string> FontFolders()
    {
        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            yield return Environment.GetFolderPath(Environment.SpecialFolder.Fonts);
            yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "Microsoft", "Windows", "Fonts");
        }
        else if (OperatingSystem.IsMacOS())
        {
            yield return "/System/Library/Fonts";
            yield return "/Library/Fonts";
            yield return Path.Combine(home, "Library", "Fonts");
        }
        else
        {
            yield return "/usr/share/fonts";
            yield return "/usr/local/share/fonts";
            yield return Path.Combine(home, ".local", "share", "fonts");
            yield return Path.Combine(home, ".fonts");
        }
    }

    private sealed record FontFileEntry(string Path, string Family, int Weight, int Width, SKFontStyleSlant Slant)
    {
        // Lower is better: upright, normal width, weight nearest to the one asked for.
        public int Score(bool bold) =>
            (Slant == SKFontStyleSlant.Upright ? 0 : 10_000)
            + (Math.Abs(Width - (int)SKFontStyleWidth.Normal) * 1_000)
            + Math.Abs(Weight - (bold ? 700 : 400));
    }
}
