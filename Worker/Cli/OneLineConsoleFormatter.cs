using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Worker.Cli;

/// <summary>
/// How a one-off command's log entries reach the terminal: one line each, an exception as its type and message
/// only. The command reports its own outcome; a stack trace of a library's retry would bury it (Quartz logged
/// 400 lines for an unreachable job store).
/// </summary>
public sealed class OneLineConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "oneline";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(ConfigurationErrors.OneLine(message ?? string.Empty));
        if (logEntry.Exception is { } exception)
        {
            textWriter.Write($" ({exception.GetType().Name}: {ConfigurationErrors.Cause(exception)})");
        }

        textWriter.WriteLine();
    }

    /// <summary>Sends a host's console log through this formatter, to standard error, beside the command's own output.</summary>
    public static void Use(ILoggingBuilder logging)
    {
        ArgumentNullException.ThrowIfNull(logging);
        logging.AddConsoleFormatter<OneLineConsoleFormatter, ConsoleFormatterOptions>();

        // Configured after the settings and the systemd integration, so it wins over both.
        logging.Services.Configure<ConsoleLoggerOptions>(o =>
        {
            o.FormatterName = FormatterName;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Critical => "critical",
        LogLevel.Error => "error",
        LogLevel.Warning => "warning",
        LogLevel.Information => "info",
        _ => "debug",
    };
}
