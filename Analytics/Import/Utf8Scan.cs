using System.Buffers;
using System.Text;

namespace Analytics.Import;

/// <summary>
/// Checks a byte stream, chunk by chunk, for UTF-8: how many sequences are invalid, on which line the first
/// one is, whether any valid multi-byte character occurs, and whether the invalid bytes could all be
/// Windows-1252 text. Valid chunks (nearly all of them) cost one vectorised check.
/// </summary>
internal sealed class Utf8Scan
{
    private char[] _chars = [];
    private long _newlines;

    /// <summary>Invalid sequences found; scanning stops counting once <see cref="Decided"/>.</summary>
    public long InvalidSequences { get; private set; }

    /// <summary>Non-zero when a valid multi-byte character occurs (counted per stretch of valid text, not per character).</summary>
    public long MultiByteCharacters { get; private set; }

    /// <summary>The 1-based physical line of the first invalid sequence; 0 when there is none.</summary>
    public long FirstInvalidLine { get; private set; }

    /// <summary>False once an invalid byte is one Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).</summary>
    public bool PlausibleWindows1252 { get; private set; } = true;

    /// <summary>
    /// Scans <paramref name="bytes"/>; unless <paramref name="isFinal"/>, a character cut off at the end is left
    /// unscanned, and the number of those bytes is returned so the caller can put them before the next chunk.
    /// </summary>
    public int Add(ReadOnlySpan<byte> bytes, bool isFinal)
    {
        if (Decided)
        {
            return 0;
        }

        var cut = isFinal ? bytes.Length : CompleteLength(bytes);
        var body = bytes[..cut];
        if (System.Text.Unicode.Utf8.IsValid(body))
        {
            if (!Ascii.IsValid(body))
            {
                MultiByteCharacters++;
            }

            CountLines(body);
            return bytes.Length - cut;
        }

        if (_chars.Length < body.Length)
        {
            _chars = new char[body.Length];
        }

        while (!body.IsEmpty)
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(body, _chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock: true);
            if (written < read)
            {
                MultiByteCharacters++;
            }

            CountLines(body[..read]);
            body = body[read..];
            if (status != OperationStatus.InvalidData)
            {
                break;
            }

            Rune.DecodeFromUtf8(body, out _, out var invalid);
            invalid = Math.Max(invalid, 1);
            if (InvalidSequences++ == 0)
            {
                FirstInvalidLine = _newlines + 1;
            }

            foreach (var b in body[..invalid])
            {
                PlausibleWindows1252 &= b is not (0x81 or 0x8D or 0x8F or 0x90 or 0x9D);
            }

            body = body[invalid..];
            if (Decided)
            {
                break;
            }
        }

        return bytes.Length - cut;
    }

    /// <summary>
    /// Invalid bytes next to valid multi-byte characters, or bytes Windows-1252 does not define: UTF-8 with damage,
    /// whatever the rest of the file holds, so the rest need not be scanned.
    /// </summary>
    public bool Decided => InvalidSequences > 0 && (MultiByteCharacters > 0 || !PlausibleWindows1252);

    /// <summary>Newlines are only needed to place the first invalid sequence.</summary>
    private void CountLines(ReadOnlySpan<byte> bytes)
    {
        if (InvalidSequences == 0)
        {
            _newlines += bytes.Count((byte)'\n');
        }
    }

    /// <summary>The length up to the start of a multi-byte character that the end of <paramref name="bytes"/> cuts off.</summary>
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }
}
