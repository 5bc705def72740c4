using Worker.Cli;

namespace Worker.Tests.Cli;

/// <summary>Runs the worker's command line in this process and keeps what it wrote to standard error.</summary>
internal static class InProcessCli
{
    public static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var exit = await CliApplication.Create().Parse(args).InvokeAsync();
            return (exit, error.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }
}
