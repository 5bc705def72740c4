using Analytics.Import.Folders;
using Microsoft.Extensions.Options;

namespace Analytics.Import;

/// <summary>Checks the import settings at start, naming each bad setting by its configuration path.</summary>
public sealed class ImportSettingsValidator(ImportProfiles? profiles = null) : IValidateOptions<ImportSettings>
{
    private readonly ImportProfiles _profiles = profiles ?? new ImportProfiles();

    public ValidateOptionsResult Validate(string? name, ImportSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        // The binder turns "7" into an enum value nobody defined; only the names mean something.
        if (!Enum.IsDefined(options.FutureTimes))
        {
            failures.Add($"{ImportSettings.Section}:FutureTimes: '{options.FutureTimes}' must be Quarantine or Keep.");
        }

        if (options.FolderSettleTime < TimeSpan.Zero || options.FolderSettleTime > TimeSpan.FromHours(1))
        {
            failures.Add($"{ImportSettings.Section}:FolderSettleTime: '{options.FolderSettleTime}' must lie between 00:00:00 and 01:00:00.");
        }

        var paths = new Dictionary<string, int>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        for (var i = 0; i < options.Folders.Count; i++)
        {
            ValidateFolder(options.Folders[i], $"{ImportSettings.Section}:Folders:{i}", i, paths, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateFolder(ImportFolderOptions? folder, string path, int index, Dictionary<string, int> paths, List<string> failures)
    {
        if (folder is null)
        {
            failures.Add($"{path}: is empty; give at least Path and Profile.");
            return;
        }

        if (string.IsNullOrWhiteSpace(folder.Path))
        {
            failures.Add($"{path}:Path is required: the folder files are dropped into.");
        }
        else if (!TryFullPath(folder.Path, out var full))
        {
            failures.Add($"{path}:Path: '{folder.Path}' is not a valid path.");
        }
        else if (!paths.TryAdd(full, index))
        {
            // Two entries on one folder would both claim each file, with different profiles.
            failures.Add($"{path}:Path: '{folder.Path}' is already watched by {ImportSettings.Section}:Folders:{paths[full]}.");
        }

        if (string.IsNullOrWhiteSpace(folder.Profile) && string.IsNullOrWhiteSpace(folder.MappingFile))
        {
            failures.Add($"{path}:Profile is required ({string.Join(", ", _profiles.Names.Order(StringComparer.Ordinal))}), or a MappingFile for the generic profile.");
        }
        else if (!_profiles.Names.Contains(folder.ProfileName, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{path}:Profile: '{folder.Profile}' is not a profile; the profiles are {string.Join(", ", _profiles.Names.Order(StringComparer.Ordinal))}.");
        }
        else
        {
            // Loading the profile reads and checks the mapping file now, not at the first dropped file.
            try
            {
                _profiles.Get(folder.ProfileName, string.IsNullOrWhiteSpace(folder.MappingFile) ? null : folder.MappingFile);
            }
            catch (ImportFileException ex)
            {
                failures.Add($"{path}:{(string.IsNullOrWhiteSpace(folder.MappingFile) ? "Profile" : "MappingFile")}: {ex.Message}");
            }
        }

        if (!ImportFolderOptions.TryParseDelimiter(folder.Delimiter, out _))
        {
            failures.Add($"{path}:Delimiter: '{folder.Delimiter}' must be one character or 'tab'.");
        }

        if (!ImportFolderOptions.TryParseEncoding(folder.Encoding, out _))
        {
            failures.Add($"{path}:Encoding: '{folder.Encoding}' must be utf-8 or windows-1252.");
        }

        if (!string.IsNullOrWhiteSpace(folder.TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(folder.TimeZone, out _))
        {
            failures.Add($"{path}:TimeZone: '{folder.TimeZone}' is not a known time zone (an IANA id such as Europe/Amsterdam).");
        }
    }

    private static bool TryFullPath(string path, out string full)
    {
        try
        {
            full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            return true;
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            full = string.Empty;
            return false;
        }
    }
}
