namespace Analytics.Import.Folders;

/// <summary>Which names in a watched folder are files to import, and the names they get in done/ and failed/.</summary>
public static class DroppedFileNames
{
    /// <summary>Endings copy tools, browsers and editors give a file while they write it.</summary>
    private static readonly string[] TemporaryEndings = [".tmp", ".temp", ".part", ".partial", ".filepart", ".crdownload", ".download", ".swp"];

    /// <summary>
    /// Hidden files (<c>.name</c>), editor and Office lock files (<c>~name</c>) and files still being written are not
    /// exports; nor is a file that stands where done/ or failed/ belong (it would be moved into itself).
    /// </summary>
    public static bool IsIgnored(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.Length == 0
            || fileName[0] is '.' or '~'
            || fileName.Equals(FolderImport.Done, StringComparison.OrdinalIgnoreCase)
            || fileName.Equals(FolderImport.Failed, StringComparison.OrdinalIgnoreCase)
            || TemporaryEndings.Any(e => fileName.EndsWith(e, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// The <paramref name="attempt"/>-th name tried for <paramref name="fileName"/>: the name itself, then
    /// <c>export-2.csv</c>, <c>export-3.csv</c>, ... (the number goes before every extension, so <c>log-2.xes.gz</c>).
    /// </summary>
    public static string Numbered(string fileName, int attempt)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (attempt <= 1)
        {
            return fileName;
        }

        var dot = fileName.IndexOf('.', 1);
        return dot < 0 ? $"{fileName}-{attempt}" : $"{fileName[..dot]}-{attempt}{fileName[dot..]}";
    }
}
