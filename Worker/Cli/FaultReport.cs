using System.Globalization;
using System.Text;

namespace Worker.Cli;

/// <summary>
/// Where an unexpected fault's stack trace goes instead of the operator's terminal: a text file per fault under
/// the temp folder (analytics-worker-faults), which the one line on the terminal names for the bug report.
/// </summary>
public static class FaultReport
{
    /// <summary>Overrides the folder (ANALYTICS_WORKER_FAULTS); the default is the system's temp folder.</summary>
    public const string FolderVariable = "ANALYTICS_WORKER_FAULTS";

    public static string Folder =>
        Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? folder
            : Path.Combine(Path.GetTempPath(), "analytics-worker-faults");

    /// <summary>Writes the fault's details; the file's path, or null when no file could be written.</summary>
    public static string? Write(string command, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var now = TimeProvider.System.GetUtcNow();
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"When:    {now:O}")
            .AppendLine(CultureInfo.InvariantCulture, $"Command: {command}")
            .AppendLine(CultureInfo.InvariantCulture, $"Version: {typeof(FaultReport).Assembly.GetName().Version}")
            .AppendLine(CultureInfo.InvariantCulture, $"Folder:  {Environment.CurrentDirectory}")
            .AppendLine()
            .AppendLine(exception.ToString())
            .ToString();
        try
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, string.Create(CultureInfo.InvariantCulture, $"{now:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..6]}.txt"));
            File.WriteAllText(path, text);
            return path;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
