using Microsoft.Extensions.Options;

namespace Worker.Cli;

/// <summary>Prints a configuration that failed validation as one line per bad setting, without a stack trace.</summary>
public static class ConfigurationErrors
{
    /// <summary>Exit code of a command that could not start because of its configuration.</summary>
    public const int ExitCode = 3;

    public static bool TryDescribe(Exception exception, out string message)
    {
        var failures = new List<string>();
        Collect(exception, failures);
        message = failures.Count == 0
            ? string.Empty
            : "configuration error:" + Environment.NewLine + string.Join(Environment.NewLine, failures.Distinct().Select(f => "  " + f));
        return failures.Count > 0;
    }

    private static void Collect(Exception exception, List<string> failures)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                failures.AddRange(validation.Failures);
                break;
            case InvalidOperationException when exception.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                // The binder's own message names the setting and the type it expected ("... at 'Store:Provider' to type ...").
                failures.Add(exception.Message);
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, failures);
                }

                break;
        }
    }
}
