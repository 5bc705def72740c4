using System.IO.Hashing;
using System.Text;

namespace Analytics.Import;

/// <summary>What an export file looks like before it is parsed: encoding, delimiter, content fingerprint.</summary>
public sealed record FileShape(Encoding Encoding, char Delimiter, string Fingerprint, long Length);

/// <summary>Detects encoding and delimiter from the start of a file and fingerprints its content.</summary>
public static class FileSniffer
{
    private const int SampleBytes = 64 * 1024;

    static FileSniffer() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Windows-1252, the encoding of exports from Excel and older Windows tools.</summary>
    public static Encoding Windows1252 => Encoding.GetEncoding(1252);

    /// <summary>UTF-8 that replaces invalid bytes with U+FFFD so a bad row can be quarantined instead of failing the file.</summary>
    public static Encoding LenientUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static FileShape Sniff(string path, Encoding? encodingOverride = null, char? delimiterOverride = null)
    {
        byte[] sample;
        long length;
        string fingerprint;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            sample = new byte[(int)Math.Min(SampleBytes, length)];
            stream.ReadExactly(sample);
            stream.Position = 0;
            var hash = new XxHash128();
            hash.Append(stream);
            fingerprint = Convert.ToHexStringLower(hash.GetCurrentHash());
        }

        var encoding = encodingOverride ?? DetectEncoding(sample);
        var text = encoding.GetString(sample);
        var delimiter = delimiterOverride ?? DetectDelimiter(FirstLine(text));
        return new FileShape(encoding, delimiter, fingerprint, length);
    }

    public static Encoding DetectEncoding(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return LenientUtf8;
        }

        // A sample cut in the middle of a multi-byte character is still UTF-8: ignore the last 3 bytes.
        var checkable = sample.Length > 3 ? sample[..^3] : sample;
        if (System.Text.Unicode.Utf8.IsValid(checkable))
        {
            return LenientUtf8;
        }

        // Invalid as UTF-8: either a Windows-1252 export, or a UTF-8 export with a few damaged bytes.
        // Windows-1252 text almost never forms a valid multi-byte UTF-8 sequence by chance, so one such
        // sequence says UTF-8 (and the damaged rows are quarantined).
        return HasValidMultiByteSequence(checkable) ? LenientUtf8 : Windows1252;
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

    private static bool HasValidMultiByteSequence(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status == System.Buffers.OperationStatus.Done && consumed > 1)
            {
                return true;
            }

            bytes = bytes[Math.Max(consumed, 1)..];
        }

        return false;
    }
}
