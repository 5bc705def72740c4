namespace Worker.Tests.Cli;

/// <summary>
/// CLI tests point the store at their own file through an environment variable, which the whole process
/// shares: test classes that do so run one after another.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliEnvironmentDefinition
{
    public const string Name = "CLI environment";
}
