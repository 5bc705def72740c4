using System.Globalization;
using System.IO.Hashing;
using System.Text;

namespace Analytics.Import;

/// <summary>What an export file looks like before it is parsed: encoding, delimiter, content fingerprint.</summary>
public sealed record FileShape(Encoding Encoding, char Delimiter, string Fingerprint, long Length)
{
    /// <summary>What the operator should hear about the file as a whole, such as the encoding that was chosen and why.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Added to "invalid UTF-8 byte sequence" in quarantine reasons: how to read the file another way.</summary>
    public string? InvalidTextHint { get; init; }
}

/// <summary>
/// Detects encoding and delimiter and fingerprints the content. The encoding is decided on the whole file,
/// checked in the same pass that fingerprints it, so accents that only start deep in the file (a Windows-1252
/// export whose first 64 KB are plain ASCII) still decide it.
/// </summary>
public static class FileSniffer
{
    private const int SampleBytes = 64 * 1024;

    private const int ChunkBytes = 1 << 20;

    /// <summary>Said after "invalid UTF-8 byte sequence" in a quarantine reason.</summary>
    public const string Windows1252Hint = "(if the file was saved as Windows-1252, by Excel or an older Windows tool, import it with --encoding windows-1252)";

    static FileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, the encoding of exports from Excel and older Windows tools.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>UTF-8 that replaces invalid bytes with U+FFFD so a bad row can be quarantined instead of failing the file.</summary>
    public static Encoding LenientUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static FileShape Sniff(string path, Encoding? encodingOverride = null, char? delimiterOverride = null)
    {
        var sample = new List<byte>();
        long length;
        string fingerprint;
        var scan = new Utf8Scan();
        var buffer = new byte[ChunkBytes + 4];
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            var hash = new XxHash128();
            var carried = 0;
            while (true)
            {
                var read = stream.Read(buffer, carried, ChunkBytes);
                hash.Append(buffer.AsSpan(carried, read));
                if (sample.Count < SampleBytes)
                {
                    sample.AddRange(buffer.AsSpan(carried, Math.Min(read, SampleBytes - sample.Count)));
                }

                // A multi-byte character cut by the chunk's end is carried over to the next chunk.
                var window = buffer.AsSpan(0, carried + read);
                var unscanned = scan.Add(window, isFinal: read == 0);
                if (read == 0)
                {
                    break;
                }

                window[^unscanned..].CopyTo(buffer);
                carried = unscanned;
            }

            fingerprint = Convert.ToHexStringLower(hash.GetCurrentHash());
        }

        var bytes = sample.ToArray();
        var shape = encodingOverride is null ? Decide(bytes, scan) : (Encoding: encodingOverride, Note: null);
        var text = shape.Encoding.GetString(bytes);
        var delimiter = delimiterOverride ?? DetectDelimiter(FirstLine(text.TrimStart('\uFEFF')));
        return new FileShape(shape.Encoding, delimiter, fingerprint, length)
        {
            Notes = shape.Note is { } note ? [note] : [],
            InvalidTextHint = shape.Encoding is UTF8Encoding ? Windows1252Hint : null,
        };
    }

    /// <summary>The encoding from the first bytes alone; <see cref="Sniff"/> decides on the whole file.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> sample)
    {
        // A sample cut in the middle of a multi-byte character is still UTF-8: its unfinished end is not scanned.
        var scan = new Utf8Scan();
        scan.Add(sample, isFinal: false);
        return Decide(sample, scan).Encoding;
    }

    private static (Encoding Encoding, string? Note) Decide(ReadOnlySpan<byte> sample, Utf8Scan scan)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return (LenientUtf8, scan.InvalidSequences > 0 ? InvalidNote(scan, "has a UTF-8 byte order mark but") : null);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || LooksLikeUtf16(sample, littleEndian: true))
        {
            return (Encoding.Unicode, null);
        }

        if (sample.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]) || LooksLikeUtf16(sample, littleEndian: false))
        {
            return (Encoding.BigEndianUnicode, null);
        }

        if (scan.InvalidSequences == 0)
        {
            return (LenientUtf8, null);
        }

        // Windows-1252 text almost never forms a valid multi-byte UTF-8 sequence by chance, so one such sequence
        // anywhere says UTF-8 with damaged bytes: those rows are quarantined, with the hint to --encoding.
        if (scan.MultiByteCharacters > 0 || !scan.PlausibleWindows1252)
        {
            return (LenientUtf8, InvalidNote(scan, "is mostly UTF-8 but"));
        }

        return (Windows1252, string.Create(
            CultureInfo.InvariantCulture,
            $"Read as Windows-1252: the file is not UTF-8 (first non-UTF-8 byte on line {scan.FirstInvalidLine}) and holds no UTF-8 characters. If accented letters look wrong, import it again with --encoding utf-8."));
    }

    private static string InvalidNote(Utf8Scan scan, string what) => string.Create(
        CultureInfo.InvariantCulture,
        $"The file {what} holds bytes that are not UTF-8, the first on line {scan.FirstInvalidLine}; the rows with them are quarantined. If the file was saved as Windows-1252, import it with --encoding windows-1252.");

    /// <summary>UTF-16 without a byte order mark: text whose every other byte is NUL.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> sample, bool littleEndian)
    {
        var pairs = sample.Length / 2;
        if (pairs < 2)
        {
            return false;
        }

        var nulInHigh = 0;
        var nulInLow = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            var (low, high) = littleEndian ? (sample[i], sample[i + 1]) : (sample[i + 1], sample[i]);
            nulInHigh += high == 0 && low != 0 ? 1 : 0;
            nulInLow += low == 0 ? 1 : 0;
        }

        return nulInHigh * 10 >= pairs * 8 && nulInLow * 10 < pairs;
    }

    public static char DetectDelimiter(string headerLine)
    {
        ReadOnlySpan<char> candidates = [',', ';', '\t', '|'];
        var best = ',';
        var bestCount = 0;
        foreach (var candidate in candidates)
        {
            var count = CountOutsideQuotes(headerLine, candidate);
            if (count > bestCount)
            {
                best = candidate;
                bestCount = count;
            }
        }

        return best;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var inQuotes = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == delimiter && !inQuotes)
            {
                count++;
            }
        }

        return count;
    }

}
