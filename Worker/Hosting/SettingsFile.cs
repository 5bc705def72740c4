using System.CommandLine;
using System.CommandLine.Invocation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;
using Worker.Cli;

namespace Worker.Hosting;

/// <summary>
/// The operator's settings file, outside the install folder so that an upgrade (which replaces the
/// appsettings.json beside the executable) keeps it: <c>--config PATH</c> when given, else the system's
/// default file when it exists. It is read after appsettings.json and before the environment variables.
/// </summary>
public static class SettingsFile
{
    public const string OptionName = "--config";

    // The --config of the command being invoked; async-local so two command lines run in one process (the tests)
    // do not see each other's file.
    private static readonly AsyncLocal<string?> Requested = new();

    /// <summary><c>/etc/analytics-worker/appsettings.json</c>, or <c>%ProgramData%\analytics-worker\appsettings.json</c> on Windows.</summary>
    public static string DefaultPath => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "analytics-worker", "appsettings.json")
        : "/etc/analytics-worker/appsettings.json";

    /// <summary>Adds <c>--config</c> to every command of <paramref name="root"/>; call before <see cref="CommandBoundary.Apply"/> so a missing file is one line.</summary>
    public static void Apply(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var option = new Option<string?>(OptionName)
        {
            Description = $"Settings file read after the appsettings.json beside the executable; environment variables still win. Default: {DefaultPath} when it exists.",
            HelpName = "PATH",
            Recursive = true,
        };
        root.Options.Add(option);
        Apply(root, option);
    }

    /// <summary>
    /// Inserts the settings file into <paramref name="configuration"/> after the JSON files and before the environment
    /// variables: <paramref name="requested"/> (which must exist) or else <paramref name="defaultPath"/> (when it exists).
    /// </summary>
    internal static void Add(IConfigurationManager configuration, string? requested, string defaultPath)
    {
        var path = requested is null ? defaultPath : Path.GetFullPath(requested);
        if (requested is not null && !File.Exists(path))
        {
            var cause = Directory.Exists(path)
                ? new FileNotFoundException($"'{path}' is a folder; name the settings file in it.")
                : new FileNotFoundException($"Could not find file '{path}'.");
            throw new SettingException(OptionName, "the settings file cannot be read", cause);
        }

        var source = new JsonConfigurationSource { Path = path, Optional = requested is null, ReloadOnChange = false };
        source.ResolveFileProvider();
        var sources = configuration.Sources;
        var environment = sources
            .Select((s, i) => (Source: s, Index: i))
            .LastOrDefault(s => s.Source is EnvironmentVariablesConfigurationSource { Prefix: null or "" });
        if (environment.Source is null)
        {
            sources.Add(source);
        }
        else
        {
            sources.Insert(environment.Index, source);
        }
    }

    /// <summary>Adds the file the current command asked for (or the default) to a host's configuration.</summary>
    internal static void Add(IConfigurationManager configuration) => Add(configuration, Requested.Value, DefaultPath);

    private static void Apply(Command command, Option<string?> option)
    {
        if (command.Action is { } action and not WithSettingsFile)
        {
            command.Action = new WithSettingsFile(option, action);
        }

        foreach (var sub in command.Subcommands)
        {
            Apply(sub, option);
        }
    }

    private sealed class WithSettingsFile(Option<string?> option, CommandLineAction inner) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            Requested.Value = parseResult.GetValue(option);
            return inner switch
            {
                AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parseResult, cancellationToken),
                SynchronousCommandLineAction synchronous => synchronous.Invoke(parseResult),
                _ => throw new InvalidOperationException($"A command has an action of unknown kind {inner.GetType().Name}."),
            };
        }
    }
}
