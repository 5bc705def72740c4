using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Reports.Documents;

/// <summary>
/// Turns a name from the data (a team, an agent, a mail address) into a piece of a file name that every
/// file system accepts: letters and digits of any script are kept (lower case, NFC), so a Cyrillic or
/// Chinese team stays readable and distinct; everything else (separators, dots, slashes, control and
/// direction characters, emoji) becomes one '-'. The result never contains a path separator, "..", a
/// leading or trailing dot or space, or '_' (which <see cref="WithHash"/> uses, so a hashed name can
/// never equal another name's readable form).
/// </summary>
public static class FileNameText
{
    /// <summary>
    /// Bytes of UTF-8 a readable piece may take. File systems allow 255 bytes (ext4, APFS) or 255 UTF-16
    /// units (NTFS) per name; a Cyrillic or CJK letter takes 2-3 bytes, so 72 bytes leaves room for the
    /// report kind, the week, a hash and a temporary suffix, and keeps the full path short on Windows.
    /// </summary>
    public const int MaxPieceBytes = 72;

    /// <summary>Characters of the hash appended to a name that had to be shortened or that collides: 40 bits.</summary>
    public const int HashLength = 10;

    /// <summary>The readable piece, cut to <paramref name="maxBytes"/> bytes of UTF-8 on a character boundary; may be empty.</summary>
    public static string Slug(string? text, int maxBytes = MaxPieceBytes) => Slug(text, maxBytes, out _);

    /// <summary>The readable piece; <paramref name="shortened"/> says whether letters were cut off to fit.</summary>
    public static string Slug(string? text, int maxBytes, out bool shortened)
    {
        shortened = false;
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var full = new StringBuilder(text.Length);
        foreach (var rune in text.Normalize(NormalizationForm.FormC).EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune))
            {
                full.Append(Rune.ToLowerInvariant(rune).ToString());
            }
            else if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark && full.Length > 0 && full[^1] != '-')
            {
                // Vowel signs of Indic scripts and accents left after NFC belong to the letter before them.
                full.Append(rune.ToString());
            }
            else if (category is UnicodeCategory.Format or UnicodeCategory.EnclosingMark or UnicodeCategory.NonSpacingMark)
            {
                // Joiners, direction overrides (U+202E would show "fdp.exe" as "exe.pdf"), variation selectors: dropped.
            }
            else if (full.Length > 0 && full[^1] != '-')
            {
                full.Append('-');
            }
        }

        var slug = full.ToString().Trim('-').Normalize(NormalizationForm.FormC);
        if (Encoding.UTF8.GetByteCount(slug) <= maxBytes)
        {
            return slug;
        }

        // Cut on a text-element boundary so a letter with its marks stays whole.
        shortened = true;
        var cut = new StringBuilder();
        var bytes = 0;
        var elements = StringInfo.GetTextElementEnumerator(slug);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxBytes)
            {
                break;
            }

            cut.Append(element);
            bytes += size;
        }

        return cut.ToString().TrimEnd('-');
    }

    /// <summary>A short stable hash of the exact text (SHA-256 of its UTF-8, first <paramref name="length"/> hex digits).</summary>
    public static string Hash(string text, int length = HashLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..length];
    }

    /// <summary>The readable piece followed by '_' and the hash of the full text ('_' never occurs in a slug).</summary>
    public static string WithHash(string slug, string fullText, int length = HashLength) =>
        slug.Length == 0 ? Hash(fullText, length) : slug + "_" + Hash(fullText, length);
}
