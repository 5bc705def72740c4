namespace Worker.Tests.Cli;

/// <summary>A command line that does not parse is a usage error like any other: one line per error, exit 2, no help dump.</summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class ParseErrorTests
{
    [Theory]
    [InlineData("metrics", "--weeks", "abc")]
    [InlineData("staffing", "--no-such-option")]
    [InlineData("mail", "list", "--state")]
    public async Task BadSyntax_IsOneLinePerError_ExitTwo(params string[] args)
    {
        var (exit, output, error) = await InProcessCli.RunWithOutputAsync(args);

        Assert.Equal(2, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.StartsWith(args[0] == "mail" ? "list: " : args[0] + ": ", l, StringComparison.Ordinal));
        Assert.DoesNotContain("Usage:", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_StillPrintsTheHelp_ExitZero()
    {
        // System.CommandLine writes its help to Console.Out, not to the Spectre console the helper captures.
        var original = Console.Out;
        var help = new StringWriter();
        Console.SetOut(help);
        try
        {
            var (exit, _, _) = await InProcessCli.RunWithOutputAsync("metrics", "--help");
            Assert.Equal(0, exit);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Contains("--weeks", help.ToString(), StringComparison.Ordinal);
    }
}
