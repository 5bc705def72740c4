using System.IO.Compression;

namespace Analytics.Import.Xes;

/// <summary>
/// Recognises an XES event log (IEEE 1849) by its content, gzip-compressed or not: the name of a file
/// says little (".xes.gz", ".xml", exported without an extension).
/// </summary>
internal static class XesFile
{
    private const int SampleBytes = 4096;

    public static bool IsGzip(string path)
    {
        Span<byte> magic = stackalloc byte[2];
        using var stream = File.OpenRead(path);
        return stream.Read(magic) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
    }

    /// <summary>True when the (decompressed) file starts as XML with a &lt;log&gt; root in the XES namespace or shape.</summary>
    public static bool LooksLikeXes(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var content = IsGzip(path) ? new GZipStream(stream, CompressionMode.Decompress) : (Stream)stream;
            var buffer = new byte[SampleBytes];
            var read = content.ReadAtLeast(buffer, SampleBytes, throwOnEndOfStream: false);
            var text = System.Text.Encoding.UTF8.GetString(buffer, 0, read).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
            return text.StartsWith('<') && (text.Contains("<log", StringComparison.Ordinal) || text.Contains("xes-standard.org", StringComparison.Ordinal));
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>The XML content, decompressed when the file is gzip.</summary>
    public static Stream OpenContent(FileStream file) =>
        IsGzip(file.Name) ? new GZipStream(file, CompressionMode.Decompress) : file;
}
