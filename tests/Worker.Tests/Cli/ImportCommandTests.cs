using Microsoft.Data.Sqlite;
using Worker.Cli;

namespace Worker.Tests.Cli;

/// <summary>The import command as an operator runs it: real files, a real SQLite store, exit codes and messages.</summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class ImportCommandTests : IDisposable
{
    private const string Header = "number,opened_at,resolved_at,assignment_group,assigned_to,short_description";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "worker-tests", Guid.NewGuid().ToString("N"));

    public ImportCommandTests()
    {
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("Store__ConnectionString", $"Data Source={Path.Combine(_folder, "store.db")};Pooling=False");
    }

    [Fact]
    public async Task Import_GoodFile_ExitsZeroAndStoresTickets()
    {
        var file = Write("good.csv", Header + "\nINC1,2026-03-02 09:00:00,,Workplace,Jan,Laptop\nINC2,2026-03-02 10:00:00,,Workplace,Jan,Dock\n");

        var (exit, _) = await RunAsync("import", file, "--profile", "servicenow");

        Assert.Equal(0, exit);
        Assert.Equal(2L, CountTickets());
    }

    [Fact]
    public async Task Import_NothingReadable_ExitsOneAndSaysSo()
    {
        var file = Write("bad.csv", Header + "\nINC1,not a date,,Workplace,Jan,Laptop\n");

        var (exit, error) = await RunAsync("import", file, "--profile", "servicenow");

        Assert.Equal(ImportCommand.NothingImported, exit);
        Assert.Contains("nothing could be imported", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_MissingFile_ExitsTwoWithMessageAndNoStackTrace()
    {
        var (exit, error) = await RunAsync("import", Path.Combine(_folder, "absent.csv"), "--profile", "servicenow");

        Assert.Equal(ImportCommand.FileUnreadable, exit);
        Assert.Contains("absent.csv: file not found", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_UnknownProfile_NamesTheKnownOnes()
    {
        var file = Write("good.csv", Header + "\nINC1,2026-03-02 09:00:00,,Workplace,Jan,Laptop\n");

        var (exit, error) = await RunAsync("import", file, "--profile", "remedy");

        Assert.Equal(ImportCommand.FileUnreadable, exit);
        Assert.Contains("Unknown profile 'remedy'", error, StringComparison.Ordinal);
        Assert.Contains("servicenow", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadDelimiterOption_IsAMessageNotACrash()
    {
        var file = Write("good.csv", Header + "\n");

        var (exit, error) = await RunAsync("import", file, "--profile", "servicenow", "--delimiter", "ab");

        Assert.Equal(ImportCommand.FileUnreadable, exit);
        Assert.Contains("--delimiter", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_FutureTimes_QuarantinedByDefault_KeptWhenTheSettingSaysKeep()
    {
        var future = TimeProvider.System.GetUtcNow().UtcDateTime.AddDays(30).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        var file = Write("future.csv", Header + $"\nINC1,2026-03-02 09:00:00,,Workplace,Jan,Laptop\nINC2,{future},,Workplace,Jan,Dock\n");

        var (quarantineExit, _) = await RunAsync("import", file, "--profile", "servicenow");
        Assert.Equal(0, quarantineExit);
        Assert.Equal(1L, CountTickets());

        // Read from configuration as an operator sets it, not only from the importer's default.
        Environment.SetEnvironmentVariable("Import__FutureTimes", "Keep");
        try
        {
            var (keepExit, output, _) = await InProcessCli.RunWithOutputAsync("import", file, "--profile", "servicenow");
            Assert.Equal(0, keepExit);
            Assert.Equal(2L, CountTickets());
            Assert.Contains("Import:FutureTimes = Keep", output, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Import__FutureTimes", null);
        }
    }

    private static Task<(int Exit, string Error)> RunAsync(params string[] args) => InProcessCli.RunAsync(args);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private long CountTickets()
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_folder, "store.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tickets";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Store__ConnectionString", null);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
