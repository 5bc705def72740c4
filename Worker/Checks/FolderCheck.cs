using Analytics.Import;
using Analytics.Import.Folders;

namespace Worker.Checks;

/// <summary>
/// One watched import folder: it exists, the worker can list it and write its done/ folder, and how many
/// files wait in it or failed (a failed file's reason is in its .error.txt beside it).
/// </summary>
public static class FolderCheck
{
    public static CheckResult Run(ImportFolderOptions folder, int index)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var subject = $"folder '{Printable.Escape(folder.Path)}'";
        var setting = $"{ImportSettings.Section}:Folders:{index}:Path";
        var path = Path.GetFullPath(folder.Path);
        if (!Directory.Exists(path))
        {
            return CheckResult.Failed(subject, $"does not exist; create it or fix {setting}. Files dropped there are not imported until it exists.");
        }

        try
        {
            var waiting = Directory.EnumerateFiles(path).Count(f => !DroppedFileNames.IsIgnored(Path.GetFileName(f)));
            var done = Path.Combine(path, FolderImport.Done);
            Directory.CreateDirectory(done);
            var probe = Path.Combine(done, $".check-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
            var failedFolder = Path.Combine(path, FolderImport.Failed);
            var failed = Directory.Exists(failedFolder) ? Directory.EnumerateFiles(failedFolder, "*" + FolderImport.ErrorSuffix).Count() : 0;
            return failed > 0
                ? CheckResult.Warning(subject, $"{waiting} files waiting; {failed} in failed/ (the reason is in each .error.txt beside the file).")
                : CheckResult.Ok(subject, $"readable and writable (profile {folder.ProfileName}); {waiting} files waiting.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CheckResult.Failed(subject, $"cannot be read or written: {ex.Message}; the worker must list it and create done/ and failed/ in it ({setting}).");
        }
    }
}
