using System.Text;

namespace Analytics.Import.Folders;

/// <summary>
/// One watched folder (an entry of <c>Import:Folders</c>): where files are dropped and how to read them, with the
/// same choices as the <c>import</c> command's options. Everything but the path and the profile is detected unless set.
/// </summary>
public sealed class ImportFolderOptions
{
    /// <summary>The folder files are dropped into. Imported files go to its <c>done/</c>, unreadable ones to <c>failed/</c>.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>servicenow, jira, topdesk, zendesk or generic (as <c>import --profile</c>). Default: generic when <see cref="MappingFile"/> is set.</summary>
    public string? Profile { get; set; }

    /// <summary>Mapping file (JSON) of the generic profile, see docs/generic-mapping.md.</summary>
    public string? MappingFile { get; set; }

    /// <summary>Source name stored with the tickets. Default: the profile's (or the mapping file's) name.</summary>
    public string? Source { get; set; }

    /// <summary>Date layout, as <c>import --date-format</c>. Default: detected per file.</summary>
    public string? DateFormat { get; set; }

    /// <summary>Time zone of the files' wall-clock times, as <c>import --time-zone</c>. Default: each team's zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Field delimiter: one character or "tab". Default: detected per file.</summary>
    public string? Delimiter { get; set; }

    /// <summary>utf-8 or windows-1252. Default: detected per file.</summary>
    public string? Encoding { get; set; }

    /// <summary>The profile this folder's files are read with: the one named, else generic when a mapping file is given.</summary>
    public string ProfileName => string.IsNullOrWhiteSpace(Profile) ? "generic" : Profile.Trim();

    /// <summary>The options the importer reads each file of this folder with; the settings were validated at start.</summary>
    public ImportOptions ToImportOptions() => new()
    {
        Profile = ProfileName,
        MappingFile = string.IsNullOrWhiteSpace(MappingFile) ? null : System.IO.Path.GetFullPath(MappingFile),
        Source = string.IsNullOrWhiteSpace(Source) ? null : Source,
        DateFormat = string.IsNullOrWhiteSpace(DateFormat) ? null : DateFormat,
        TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone,
        Delimiter = TryParseDelimiter(Delimiter, out var delimiter) ? delimiter : null,
        Encoding = TryParseEncoding(Encoding, out var encoding) ? encoding : null,
    };

    /// <summary>One character, or "tab"; empty means detect.</summary>
    public static bool TryParseDelimiter(string? text, out char? delimiter)
    {
        delimiter = text switch
        {
            null or "" => null,
            "tab" or "\\t" => '\t',
            { Length: 1 } => text[0],
            _ => null,
        };
        return delimiter is not null || string.IsNullOrEmpty(text);
    }

    /// <summary>utf-8 or windows-1252 (with the usual spellings); empty means detect.</summary>
    public static bool TryParseEncoding(string? text, out System.Text.Encoding? encoding)
    {
        encoding = text?.Trim().ToLowerInvariant() switch
        {
            null or "" => null,
            "utf-8" or "utf8" => FileSniffer.LenientUtf8,
            "windows-1252" or "cp1252" or "1252" => FileSniffer.Windows1252,
            _ => null,
        };
        return encoding is not null || string.IsNullOrWhiteSpace(text);
    }
}
