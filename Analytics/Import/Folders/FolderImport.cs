using System.Data.Common;
using System.IO.Hashing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Import.Folders;

/// <summary>
/// Imports what is dropped into the watched folders (<c>Import:Folders</c>), each file once: a file is taken when its
/// size and last-write time have settled and it can be opened exclusively, imported with the <c>import</c> command's
/// importer, then moved to <c>done/</c> with a summary or to <c>failed/</c> with the reason. Exactly once rests on the
/// import ledger, not on the move: a file whose content the ledger has imported is only moved, so a worker that died
/// between the import and the move, or a second drop of the same export, never imports it twice.
/// </summary>
public sealed class FolderImport(
    CsvImporter importer,
    ImportProfiles profiles,
    ImportedFiles imported,
    IOptions<ImportSettings> settings,
    ILogger<FolderImport>? logger = null,
    TimeProvider? time = null)
{
    public const string Done = "done";

    public const string Failed = "failed";

    public const string SummarySuffix = ".summary.txt";

    public const string ErrorSuffix = ".error.txt";

    private readonly ILogger _logger = logger ?? NullLogger<FolderImport>.Instance;
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ImportSettings _settings = settings.Value;
    private readonly FileSettling _settling = new(settings.Value.FolderSettleTime);
    private readonly HashSet<string> _unavailable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _complained = new(StringComparer.Ordinal);

    public IReadOnlyList<ImportFolderOptions> Folders => _settings.Folders;

    /// <summary>
    /// Takes every settled file. A file first seen in this run is waited for (one settle time), so a drop is imported
    /// within a run or two; one still changing after that is left for the next run. Not for concurrent calls: the
    /// job that calls it disallows concurrent runs.
    /// </summary>
    public async Task<IReadOnlyList<DroppedFile>> RunAsync(CancellationToken cancellationToken)
    {
        var outcomes = new List<DroppedFile>();
        var until = _time.GetUtcNow() + _settings.FolderSettleTime + TimeSpan.FromSeconds(1);
        while (await ScanAsync(outcomes, cancellationToken) is { } next && next <= until)
        {
            var wait = next - _time.GetUtcNow();
            await Task.Delay(wait > TimeSpan.FromMilliseconds(100) ? wait : TimeSpan.FromMilliseconds(100), _time, cancellationToken);
        }

        return outcomes;
    }

    /// <summary>One look at every folder: takes the settled files; returns when the next unsettled one may have settled.</summary>
    internal async Task<DateTimeOffset?> ScanAsync(List<DroppedFile> outcomes, CancellationToken cancellationToken)
    {
        DateTimeOffset? next = null;
        var present = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < _settings.Folders.Count; index++)
        {
            var folder = _settings.Folders[index];
            var setting = $"{ImportSettings.Section}:Folders:{index}";
            var directory = Path.GetFullPath(folder.Path);
            if (List(setting, directory) is not { } files)
            {
                continue;
            }

            var options = folder.ToImportOptions();
            var origin = $"{directory} ({setting}, profile {folder.ProfileName})";

            // The profile's name is what the ledger records. The mapping file was checked at start, but may have
            // been moved since: then the folder waits (said once) rather than sending every file to failed/.
            string profile;
            try
            {
                profile = profiles.Get(options.Profile, options.MappingFile).Name;
                _unavailable.Remove(setting);
            }
            catch (ImportFileException ex)
            {
                if (_unavailable.Add(setting))
                {
                    FolderLog.ProfileUnavailable(_logger, setting, ex.Message);
                }

                continue;
            }

            foreach (var file in files)
            {
                present.Add(file);
                var info = new FileInfo(file);
                if (!info.Exists)
                {
                    continue;
                }

                if (_settling.Observe(file, info.Length, info.LastWriteTimeUtc, _time.GetUtcNow()) is { } settles)
                {
                    next = Earliest(next, settles);
                    continue;
                }

                if (await TakeAsync(directory, origin, file, options, profile, cancellationToken) is { } outcome)
                {
                    outcomes.Add(outcome);
                    if (outcome.Result != DroppedFileResult.NotMoved)
                    {
                        _settling.Forget(file);
                    }
                }
                else
                {
                    // Open elsewhere: it has to settle again after the writer lets go.
                    _settling.Forget(file);
                    next = Earliest(next, _time.GetUtcNow() + _settings.FolderSettleTime);
                }
            }
        }

        _settling.KeepOnly(present);
        return next;
    }

    /// <summary>The files to look at in one folder, by name; null (said once) while the folder is missing or unreadable.</summary>
    private List<string>? List(string setting, string directory)
    {
        try
        {
            if (!Directory.Exists(directory))
            {
                if (_unavailable.Add(directory))
                {
                    FolderLog.FolderMissing(_logger, setting, directory);
                }

                return null;
            }

            var files = Directory.EnumerateFiles(directory)
                .Where(f => !DroppedFileNames.IsIgnored(Path.GetFileName(f)))
                .Order(StringComparer.Ordinal)
                .ToList();
            if (_unavailable.Remove(directory))
            {
                FolderLog.FolderBack(_logger, setting, directory);
            }

            return files;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (_unavailable.Add(directory))
            {
                FolderLog.FolderUnreadable(_logger, setting, directory, ex.Message);
            }

            return null;
        }
    }

    /// <summary>Imports one settled file (unless the ledger knows it) and moves it; null when it cannot be opened exclusively now.</summary>
    private async Task<DroppedFile?> TakeAsync(
        string directory, string origin, string file, ImportOptions options, string profile, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(file);
        string fingerprint;
        try
        {
            fingerprint = await FingerprintAsync(file, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (_complained.Add("busy:" + file))
            {
                FolderLog.FileBusy(_logger, file, ex.Message);
            }

            return null;
        }

        if (await imported.FindAsync(fingerprint, profile, cancellationToken) is { } earlier)
        {
            var good = IsGood(earlier.Summary);
            var note = good
                ? FolderNote.AlreadyImported(name, origin, _time.GetUtcNow(), earlier)
                : FolderNote.Failed(name, origin, _time.GetUtcNow(), $"the same content was dropped before as '{earlier.FileName}' (import run {earlier.RunId}), and {NothingStored(earlier.Summary)}", earlier.Summary);
            var target = Place(directory, file, good ? Done : Failed, good ? SummarySuffix : ErrorSuffix, note);
            if (target is not null)
            {
                FolderLog.FileAlreadyImported(_logger, file, earlier.RunId, earlier.FileName, target);
            }

            return new DroppedFile(directory, name, target is null ? DroppedFileResult.NotMoved : good ? DroppedFileResult.AlreadyImported : DroppedFileResult.Failed, target, earlier.Summary, null);
        }

        ImportSummary? summary = null;
        string? reason;
        try
        {
            summary = await importer.ImportAsync(file, options, progress: null, cancellationToken);
            reason = IsGood(summary) ? null : NothingStored(summary);
        }
        catch (ImportFileException ex)
        {
            reason = ex.Message;
        }
        catch (Exception ex) when (IsAboutTheFile(ex))
        {
            // A compressed or XML file that is damaged inside: the file's fault, said in its words.
            reason = $"{file}: cannot be read: {ex.Message}";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            FolderLog.FileBusy(_logger, file, ex.Message);
            return null;
        }

        if (reason is null)
        {
            var target = Place(directory, file, Done, SummarySuffix, FolderNote.Imported(name, origin, _time.GetUtcNow(), summary!));
            if (target is not null)
            {
                FolderLog.FileImported(_logger, file, summary!.RowsRead, summary.Good, summary.Quarantined, target);
            }

            return new DroppedFile(directory, name, target is null ? DroppedFileResult.NotMoved : DroppedFileResult.Imported, target, summary, null);
        }

        var failed = Place(directory, file, Failed, ErrorSuffix, FolderNote.Failed(name, origin, _time.GetUtcNow(), reason, summary));
        if (failed is not null)
        {
            FolderLog.FileFailed(_logger, file, reason, failed);
        }

        return new DroppedFile(directory, name, failed is null ? DroppedFileResult.NotMoved : DroppedFileResult.Failed, failed, summary, reason);
    }

    /// <summary>
    /// Moves the file into <paramref name="subfolder"/> under a name no file there has (export.csv, export-2.csv, ...),
    /// its note written first: a note left without its file is from a move that did not happen, and is rewritten.
    /// Null when it cannot be moved (said once); the ledger keeps the next run from importing it again.
    /// </summary>
    private string? Place(string directory, string file, string subfolder, string suffix, string note)
    {
        var target = Path.Combine(directory, subfolder);
        try
        {
            Directory.CreateDirectory(target);
            var name = Path.GetFileName(file);
            for (var attempt = 1; attempt < 10_000; attempt++)
            {
                var candidate = Path.Combine(target, DroppedFileNames.Numbered(name, attempt));
                if (File.Exists(candidate) || Directory.Exists(candidate))
                {
                    continue;
                }

                File.WriteAllText(candidate + suffix, note);
                try
                {
                    File.Move(file, candidate, overwrite: false);
                    _complained.Remove("busy:" + file);
                    _complained.Remove("move:" + file);
                    return candidate;
                }
                catch (IOException) when (File.Exists(candidate))
                {
                    // Taken between the look and the move: the next number.
                }
            }

            throw new IOException($"no free name for '{name}' in '{target}'");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (_complained.Add("move:" + file))
            {
                FolderLog.FileNotMoved(_logger, file, target, ex.Message);
            }

            return null;
        }
    }

    /// <summary>The content's fingerprint as the importer computes it, read while no one else may have the file open for writing.</summary>
    private static async Task<string> FingerprintAsync(string file, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        var hash = new XxHash128();
        await hash.AppendAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash.GetCurrentHash());
    }

    /// <summary>A file with rows of which none could be stored goes to failed/; an empty export (a header only) is done.</summary>
    private static bool IsGood(ImportSummary summary) => summary.Good > 0 || summary.Quarantined == 0;

    private static string NothingStored(ImportSummary summary) =>
        $"not one of its {summary.RowsRead:N0} rows could be stored: every one was quarantined.";

    private static bool IsAboutTheFile(Exception ex) =>
        ex is InvalidDataException or System.Xml.XmlException or System.Text.DecoderFallbackException or FormatException;

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;
}
