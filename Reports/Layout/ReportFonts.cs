using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SkiaSharp;

namespace Reports.Layout;

/// <summary>
/// The regular and bold typefaces of the report font, plus the per-character fallback used for
/// characters the report font lacks. Load once and share: typefaces live for the process.
/// </summary>
public sealed class ReportFonts
{
    private static readonly string[] SansSerifFamilies =
    [
        "DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica", "Segoe UI", "Helvetica Neue", "Verdana",
    ];

    // "Say so once": one warning per missing family for the life of the process.
    private static readonly ConcurrentDictionary<string, bool> WarnedFamilies = new(StringComparer.OrdinalIgnoreCase);

    private static readonly ConcurrentDictionary<SKTypeface, SKTypeface> Subsets = new();

    private readonly ConcurrentDictionary<(int CodePoint, bool Bold), SKTypeface?> fallbacks = new();

    private ReportFonts(string requestedFamily, SKTypeface regular, SKTypeface bold, string? warning)
    {
        RequestedFamily = requestedFamily;
        Regular = regular;
        Bold = bold;
        Warning = warning;
    }

    /// <summary>The family asked for in <see cref="ReportFontOptions.Family"/>.</summary>
    public string RequestedFamily { get; }

    /// <summary>The family actually used (differs from <see cref="RequestedFamily"/> after a fallback).</summary>
    public string FamilyName => Regular.FamilyName;

    public SKTypeface Regular { get; }

    public SKTypeface Bold { get; }

    /// <summary>Why the requested family is not used, or null when it is.</summary>
    public string? Warning { get; }

    /// <summary>Loads the configured family; when missing, logs once and falls back to the platform's sans-serif.</summary>
    /// <exception cref="InvalidOperationException">No font at all is installed.</exception>
    public static ReportFonts Load(ReportFontOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        string requested = string.IsNullOrWhiteSpace(options.Family) ? "DejaVu Sans" : options.Family.Trim();

        var regular = FindFamily(requested, bold: false);
        if (regular is null && string.Equals(requested, BundledFont.Family, StringComparison.OrdinalIgnoreCase))
        {
            // The default font is shipped with the library: no warning, the reports look the same everywhere.
            regular = BundledFont.Load(bold: false);
        }

        if (regular is not null)
        {
            var bold = FindFamily(requested, bold: true) ?? (regular.FamilyName == BundledFont.Family ? BundledFont.Load(bold: true) : null) ?? regular;
            return new ReportFonts(requested, Subset(regular), Subset(bold), warning: null);
        }

        var fallback = DefaultSansSerif() ?? BundledFont.Load(bold: false)
            ?? throw new InvalidOperationException(
                $"No font is installed and the bundled one could not be read, so reports cannot be drawn (the report font '{requested}' is missing too). Install fonts-dejavu-core.");
        var fallbackBold = FindFamily(fallback.FamilyName, bold: true) ?? (fallback.FamilyName == BundledFont.Family ? BundledFont.Load(bold: true) : null) ?? fallback;
        string warning = $"Report font '{requested}' is not installed; using '{fallback.FamilyName}' instead.";
        if (logger is not null && WarnedFamilies.TryAdd(requested, true))
        {
            Log.ReportFontMissing(logger, requested, fallback.FamilyName);
        }

        return new ReportFonts(requested, Subset(fallback), Subset(fallbackBold), warning);
    }

    /// <summary>
    /// The face cut down to <see cref="ReportCharacters"/> (see <see cref="TrueTypeSubsetter"/>), made
    /// once per face for the process so every report and chart shares it and the PDF embeds it once.
    /// </summary>
    private static SKTypeface Subset(SKTypeface full) => Subsets.GetOrAdd(full, static face =>
    {
        using var stream = face.OpenStream(out _);
        if (stream is null || !stream.HasLength)
        {
            return face;
        }

        var bytes = new byte[stream.Length];
        if (stream.Read(bytes, bytes.Length) != bytes.Length || TrueTypeSubsetter.Subset(bytes, ReportCharacters.Default) is not { } cut)
        {
            return face;
        }

        using var data = SKData.CreateCopy(cut);
        return SKTypeface.FromData(data) is { IsEmpty: false } subset ? subset : face;
    });

    /// <summary>The typeface for a style: bold or regular.</summary>
    public SKTypeface Typeface(bool bold) => bold ? Bold : Regular;

    /// <summary>
    /// A typeface that can draw the code point when the report font cannot, or null when no installed
    /// font can (the caller then draws '?' rather than an empty box).
    /// </summary>
    internal SKTypeface? FallbackFor(int codePoint, bool bold) =>
        fallbacks.GetOrAdd((codePoint, bold), key =>
        {
            var primary = Typeface(key.Bold);
            var style = key.Bold ? SKFontStyle.Bold : SKFontStyle.Normal;
            var matched = SKFontManager.Default.MatchCharacter(primary.FamilyName, style, [], key.CodePoint);
            if (matched is not null && !matched.IsEmpty && GlyphCoverage.Has(matched, key.CodePoint))
            {
                // Prefer the catalog's shared typeface so each font file is embedded in the PDF once.
                var shared = FontFileCatalog.FindFamily(matched.FamilyName, key.Bold);
                if (shared is not null && GlyphCoverage.Has(shared, key.CodePoint))
                {
                    matched.Dispose();
                    return shared;
                }

                return matched;
            }

            matched?.Dispose();

            // A machine without fonts installed still has the bundled DejaVu, which covers Cyrillic.
            return FontFileCatalog.FindForCodePoint(key.CodePoint, key.Bold)
                ?? (BundledFont.Load(key.Bold) is { } bundled && GlyphCoverage.Has(bundled, key.CodePoint) ? bundled : null);
        });

    /// <summary>
    /// Text for a renderer that draws with one typeface only (ScottPlot): cleaned, on one line,
    /// with characters the report font lacks replaced by '?' and invisible format characters dropped.
    /// </summary>
    public string ForSingleTypeface(string? text) =>
        GlyphRuns.ForSingleTypeface(ReportText.CleanSingleLine(text), Regular);

    private static SKTypeface? FindFamily(string family, bool bold)
    {
        // The catalog first: its typefaces are shared process-wide (see FontFileCatalog).
        var fromFile = FontFileCatalog.FindFamily(family, bold);
        if (fromFile is not null)
        {
            return fromFile;
        }

        var fromManager = SKTypeface.FromFamilyName(family, bold ? SKFontStyle.Bold : SKFontStyle.Normal);
        if (fromManager is not null && !fromManager.IsEmpty
            && string.Equals(fromManager.FamilyName, family, StringComparison.OrdinalIgnoreCase))
        {
            return fromManager;
        }

        fromManager?.Dispose();
        return null;
    }

    private static SKTypeface? DefaultSansSerif()
    {
        foreach (var family in SansSerifFamilies)
        {
            var typeface = FindFamily(family, bold: false);
            if (typeface is not null)
            {
                return typeface;
            }
        }

        var platformDefault = SKTypeface.Default;
        if (platformDefault is not null && !platformDefault.IsEmpty)
        {
            return platformDefault;
        }

        return FontFileCatalog.FirstInstalled([]);
    }
}
