using System.CommandLine;
using System.CommandLine.Invocation;

namespace Worker.Cli;

/// <summary>
/// The one error path of every command, <c>run</c> included: whatever escapes a command's action becomes one
/// line on standard error. A setting that is wrong or points nowhere is named with its cause (exit 3, which the
/// systemd unit does not restart); any other fault writes its stack trace to a file the line names (exit 1).
/// </summary>
public static class CommandBoundary
{
    /// <summary>Exit code of an unexpected fault: the same 1 as "failed", since the operator cannot fix it by a setting.</summary>
    public const int UnexpectedFault = 1;

    /// <summary>Exit code after Ctrl+C or a stop request during a one-off command (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Puts every command's action under the boundary, subcommands (and commands added later by other files) included.</summary>
    public static void Apply(RootCommand root)
    {
        ArgumentNullException.ThrowIfNull(root);
        Apply(root, "worker");
    }

    private static void Apply(Command command, string name)
    {
        if (command.Action is { } action and not GuardedAction)
        {
            command.Action = new GuardedAction(name, action);
        }

        foreach (var sub in command.Subcommands)
        {
            // The worker itself speaks as "worker" whether started as 'run' or with no command, as the docs show.
            Apply(sub, sub.Name == "run" && command is RootCommand ? name : command is RootCommand ? sub.Name : $"{name} {sub.Name}");
        }
    }

    /// <summary>Reports a fault of <paramref name="command"/> on standard error; the exit code to return.</summary>
    public static int Report(string command, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failures = ConfigurationErrors.Failures(exception);
        if (failures.Count > 0)
        {
            foreach (var failure in failures)
            {
                Console.Error.WriteLine($"{command}: configuration error: {failure}");
            }

            return ConfigurationErrors.ExitCode;
        }

        var path = FaultReport.Write(command, exception);
        var where = path is null
            ? $"the details could not be written to {FaultReport.Folder}; set {FaultReport.FolderVariable} to a folder this user can write"
            : $"details in {path}";
        Console.Error.WriteLine($"{command}: unexpected error: {exception.GetType().Name}: {ConfigurationErrors.OneLine(exception.Message)} ({where})");
        return UnexpectedFault;
    }

    private sealed class GuardedAction(string name, CommandLineAction inner) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            try
            {
                return inner switch
                {
                    AsynchronousCommandLineAction asynchronous => await asynchronous.InvokeAsync(parseResult, cancellationToken),
                    SynchronousCommandLineAction synchronous => synchronous.Invoke(parseResult),
                    _ => throw new InvalidOperationException($"'{name}' has an action of unknown kind {inner.GetType().Name}."),
                };
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                await Console.Error.WriteLineAsync($"{name}: cancelled.");
                return Cancelled;
            }
            catch (Exception ex)
            {
                return Report(name, ex);
            }
        }
    }
}
