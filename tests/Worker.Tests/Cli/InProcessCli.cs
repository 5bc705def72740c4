using Spectre.Console;
using Worker.Cli;

namespace Worker.Tests.Cli;

/// <summary>Runs the worker's command line in this process and keeps what it wrote to standard error.</summary>
internal static class InProcessCli
{
    public static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var (exit, _, error) = await RunWithOutputAsync(args);
        return (exit, error);
    }

    /// <summary>Also keeps what the command wrote through Spectre.Console (its tables), as plain text.</summary>
    public static Task<(int Exit, string Output, string Error)> RunWithOutputAsync(params string[] args) =>
        RunWithOutputAsync(Program.Compose, args, CancellationToken.None);

    /// <summary>
    /// The command line composed by <paramref name="compose"/> (the worker's own, plus what a test adds, such as
    /// settings over the environment's); <paramref name="cancellationToken"/> stops a command that does not end.
    /// </summary>
    public static async Task<(int Exit, string Output, string Error)> RunWithOutputAsync(
        Action<Microsoft.Extensions.Hosting.IHostApplicationBuilder> compose, string[] args, CancellationToken cancellationToken)
    {
        var error = new StringWriter();
        var output = new StringWriter();
        var original = Console.Error;
        var console = AnsiConsole.Console;
        Console.SetError(error);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        AnsiConsole.Console.Profile.Width = 200;
        try
        {
            var exit = await CliApplication.InvokeAsync(CliApplication.Create(compose), args, cancellationToken);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(original);
            AnsiConsole.Console = console;
        }
    }
}
