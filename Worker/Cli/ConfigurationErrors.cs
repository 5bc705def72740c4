using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Worker.Cli;

/// <summary>
/// Turns an exception caused by the settings into one line per bad setting, naming the setting and the cause,
/// without a stack trace: failed validation, a value of the wrong type, a settings file that is not JSON, and
/// a store or job store that cannot be used (<see cref="SettingException"/>).
/// </summary>
public static partial class ConfigurationErrors
{
    /// <summary>Exit code of a command that could not start because of its configuration.</summary>
    public const int ExitCode = 3;

    /// <summary>All failures, one per line (each line names its setting); false when the exception is not the settings' fault.</summary>
    public static bool TryDescribe(Exception exception, out string message)
    {
        var failures = Failures(exception);
        message = string.Join(Environment.NewLine, failures);
        return failures.Count > 0;
    }

    /// <summary>One entry per bad setting, each a single line; empty when the exception is not the settings' fault.</summary>
    public static IReadOnlyList<string> Failures(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var collected = new List<string>();
        Collect(exception, collected);
        return collected.Select(OneLine).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
    }

    private static void Collect(Exception exception, List<string> failures)
    {
        switch (exception)
        {
            case OptionsValidationException validation:
                failures.AddRange(validation.Failures);
                break;
            case SettingException setting:
                failures.Add($"{setting.Setting}: {setting.Problem}: {Cause(setting.InnerException)}");
                break;
            case InvalidOperationException when BinderFailure().Match(exception.Message) is { Success: true } match:
                failures.Add(WrongType(match.Groups["value"].Value, match.Groups["key"].Value, match.Groups["type"].Value));
                break;
            case InvalidDataException when exception.Message.StartsWith("Failed to load configuration from file", StringComparison.Ordinal):
                failures.Add(SettingsFile(exception));
                break;
            case AggregateException aggregate:
                foreach (var inner in aggregate.InnerExceptions)
                {
                    Collect(inner, failures);
                }

                break;
        }
    }

    /// <summary>
    /// The binder's "Failed to convert configuration value 'x' at 'Key' to type 'T'", said as the operator
    /// fixes it: the setting first, and for a choice the values it takes.
    /// </summary>
    private static string WrongType(string value, string key, string typeName)
    {
        var type = Type.GetType(typeName) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(typeName)).FirstOrDefault(t => t is not null);
        if (type is { IsEnum: true })
        {
            return $"{key}: '{value}' is not one of {string.Join(", ", Enum.GetNames(type))}.";
        }

        var expected = Type.GetTypeCode(type) switch
        {
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 or TypeCode.Byte => "a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number",
            TypeCode.Boolean => "true or false",
            _ when type == typeof(TimeSpan) => "a duration such as 00:05:00",
            _ => $"a {type?.Name ?? typeName}",
        };
        return $"{key}: '{value}' is not {expected}.";
    }

    /// <summary>appsettings.json (or another settings file) that cannot be read: the file, and where the JSON breaks.</summary>
    private static string SettingsFile(Exception exception)
    {
        var file = SettingsFileName().Match(exception.Message) is { Success: true } match ? match.Groups["file"].Value : "the settings file";
        if (Chain(exception).OfType<JsonException>().FirstOrDefault() is { } json)
        {
            var where = json.LineNumber is { } line ? $" at line {line + 1}, position {(json.BytePositionInLine ?? 0) + 1}" : string.Empty;
            return $"{file}: not valid JSON{where}: {JsonDetail().Replace(json.Message, string.Empty).Trim()}";
        }

        return $"{file}: cannot be read: {Cause(exception.InnerException)}";
    }

    /// <summary>The messages of an exception and its causes, each said once, in one line.</summary>
    internal static string Cause(Exception? exception)
    {
        var parts = new List<string>();
        foreach (var e in Chain(exception))
        {
            if (e is Analytics.Storage.StoreMigrationException && e.Message.Contains("in script ''", StringComparison.Ordinal))
            {
                // No script ran: the store was not reached, which the cause below says without "migrating".
                continue;
            }

            if (e is ArgumentException { InnerException: KeyNotFoundException, ParamName: { } keyword })
            {
                // Npgsql's "Couldn't set prot (Parameter 'prot')" over "The given key was not present in the dictionary".
                parts.Add($"keyword '{keyword}' is not supported");
                break;
            }

            var text = OneLine(DriverNoise().Replace(e.Message, string.Empty)).TrimEnd('.');
            if (text.StartsWith("Connection string keyword", StringComparison.Ordinal))
            {
                text = text["Connection string ".Length..];
            }

            if (text.Length > 0 && !parts.Any(p => p.Contains(text, StringComparison.Ordinal)))
            {
                parts.Add(text);
            }
        }

        return parts.Count == 0 ? "unknown cause." : string.Join(": ", parts) + ".";
    }

    internal static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }

    internal static string OneLine(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex BinderFailure();

    [GeneratedRegex(@"from file '(?<file>[^']*)'")]
    private static partial Regex SettingsFileName();

    // "Path: $.Store | LineNumber: 3 | BytePositionInLine: 4." is said as "at line 4, position 5".
    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex JsonDetail();

    // Microsoft.Data.Sqlite appends a link to its docs to a rejected keyword; the sentence helps no operator.
    [GeneratedRegex(@"\s*(For a possible alternative, see \S+|\(Parameter '[^']*'\))")]
    private static partial Regex DriverNoise();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
