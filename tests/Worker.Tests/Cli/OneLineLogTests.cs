using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Worker.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>What a library logs while a one-off command runs reaches the terminal as one line, without its stack.</summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class OneLineLogTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public void CommandHost_LoggedErrorWithException_IsOneLineOnStandardError()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            var settings = TestSettings.Embedded(_folder.Path);
            settings["Logging:Console:FormatterName"] = "simple";
            using (var host = CliHost.Build(b =>
            {
                b.Configuration.AddInMemoryCollection(settings);
                Program.Compose(b);
            }))
            {
                // As Quartz logs a job store it cannot reach: an error with the driver's exception and its stack.
                host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Quartz.Impl.AdoJobStore.JobStoreTX")
                    .LogError(Thrown(), "Failed to obtain DB connection from data source 'default'");
            }
        }
        finally
        {
            Console.SetError(original);
        }

        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal("error: Failed to obtain DB connection from data source 'default' (InvalidOperationException: connection lost: Connection refused.)", line);
    }

    private static InvalidOperationException Thrown()
    {
        try
        {
            throw new InvalidOperationException("connection lost", new SocketException((int)SocketError.ConnectionRefused));
        }
        catch (InvalidOperationException ex)
        {
            return ex;
        }
    }

    public void Dispose() => _folder.Dispose();
}
