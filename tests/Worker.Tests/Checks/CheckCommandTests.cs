using System.Net;
using System.Net.Sockets;
using Analytics.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Worker.Cli;
using Worker.Tests.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Checks;

/// <summary>
/// <c>check</c> on a healthy embedded installation (SQLite store with fresh tickets, pickup mail), and with one
/// thing broken at a time: each breakage is exactly one FAIL line that names it, and the exit code is 1.
/// </summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class CheckCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task HealthyInstallation_PassesEveryCheck_ExitZero()
    {
        var settings = Healthy(TimeSpan.FromHours(5));

        var (exit, output, error) = await CheckAsync(settings);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.DoesNotContain("FAIL", output, StringComparison.Ordinal);
        Assert.Contains("ok   store: Sqlite store opens; schema current", output, StringComparison.Ordinal);
        Assert.Contains("ok   source 'legacy': Sqlite database reached", output, StringComparison.Ordinal);
        Assert.Contains("ok   mail (pickup folder)", output, StringComparison.Ordinal);
        Assert.Contains("ok   data of 'legacy': newest change 5 h ago", output, StringComparison.Ordinal);
        Assert.Contains("ok   teams: all 1 teams have a manager's address.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoreDown_IsOneFailLine_ExitOne()
    {
        var settings = Healthy(TimeSpan.FromHours(5));
        var port = ClosedPort();
        settings["Store:Provider"] = "Postgres";
        settings["Store:ConnectionString"] = $"Host=127.0.0.1;Port={port};Timeout=3;Username=worker;Password=secret-pw";

        var (exit, output, error) = await CheckAsync(settings);

        var fail = OneFailure(exit, output, error);
        Assert.StartsWith($"FAIL store: the store (Postgres) cannot be opened: Failed to connect to 127.0.0.1:{port}", fail, StringComparison.Ordinal);
        Assert.EndsWith("check Store:ConnectionString and that the database server runs.", fail, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-pw", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SourceQueryWithSyntaxError_IsOneFailLine_ExitOne()
    {
        var settings = Healthy(TimeSpan.FromHours(5));
        var query = _folder.File("broken.sql");
        await File.WriteAllTextAsync(query, "SELECT ticket_id, kind, opened_at, updated_at FORM tickets WHERE updated_at > @since");
        settings["Sync:Sources:0:QueryFile"] = query;

        var (exit, output, error) = await CheckAsync(settings);

        var fail = OneFailure(exit, output, error);
        Assert.StartsWith($"FAIL source 'legacy': the query in '{query}' fails: SQLite Error 1: 'near \"tickets\": syntax error'", fail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SmtpServerRefusing_IsOneFailLine_ExitOne()
    {
        var port = ClosedPort();
        var settings = Healthy(TimeSpan.FromHours(5));
        settings["Delivery:Transport"] = "Smtp";
        settings["Delivery:Smtp:Host"] = "127.0.0.1";
        settings["Delivery:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Delivery:Smtp:Security"] = "None";

        var (exit, output, error) = await CheckAsync(settings);

        var fail = OneFailure(exit, output, error);
        Assert.StartsWith($"FAIL mail (SMTP 127.0.0.1:{port}): ", fail, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", fail[$"FAIL mail (SMTP 127.0.0.1:{port}): ".Length..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoChangeForFourDays_IsOneFailLine_NoDataForFourDays()
    {
        var settings = Healthy(TimeSpan.FromDays(4) + TimeSpan.FromHours(1));

        var (exit, output, error) = await CheckAsync(settings);

        var fail = OneFailure(exit, output, error);
        Assert.StartsWith("FAIL data of 'legacy': no data for 4 days (newest change ", fail, StringComparison.Ordinal);
        Assert.Contains("Check:StaleAfter is 3 days", fail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleImportedSource_IsAWarning_NotAFailure()
    {
        // Imported by hand (the demo, a one-off export), a source is as fresh as its last import: the worker is not at fault.
        var settings = Healthy(TimeSpan.FromDays(5), ticketSource: "demo");
        settings["Sync:Sources:0:Enabled"] = "false";

        var (exit, output, error) = await CheckAsync(settings);

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("warn data of 'demo': no data for 5 days", output, StringComparison.Ordinal);
        Assert.Contains("it is imported, not synced", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendTestMail_WritesARealMessageThroughThePickupTransport()
    {
        var settings = Healthy(TimeSpan.FromHours(5));

        var (exit, output, error) = await CheckAsync(settings, "--send-test-mail", "ops@example.org");

        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
        Assert.Contains("ok   test mail to ops@example.org: written to", output, StringComparison.Ordinal);
        var file = Assert.Single(Directory.GetFiles(Path.Combine(_folder.Path, "mail"), "*.eml"));
        Assert.Contains("To: ops@example.org", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadSetting_StillOneConfigurationLine_ExitThree()
    {
        var settings = Healthy(TimeSpan.FromHours(5));
        settings["Delivery:Operators:0"] = "not an address";

        var (exit, _, error) = await CheckAsync(settings);

        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal(ConfigurationErrors.ExitCode, exit);
        Assert.Contains("check: configuration error: Delivery:Operators:0: 'not an address' is not a valid e-mail address.", line, StringComparison.Ordinal);
    }

    /// <summary>
    /// A migrated store whose tickets of source "legacy" last changed <paramref name="age"/> ago, that source's
    /// database with a valid query, pickup mail and a manager for the one team.
    /// </summary>
    private Dictionary<string, string?> Healthy(TimeSpan age, string ticketSource = "legacy")
    {
        var settings = TestSettings.Embedded(_folder.Path);
        var store = new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = settings["Store:ConnectionString"]! };
        SchemaMigrator.Migrate(store);
        var dialect = SqlDialect.For(StoreProvider.Sqlite);
        var changed = TimeProvider.System.GetUtcNow() - age;
        using (var connection = new SqliteConnection(store.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO tickets (source, ticket_id, kind, team, assignee, opened_at, updated_at, row_hash)
                VALUES ($source, 'T1', 'incident', 'Workplace', 'Agent A', $opened, $updated, 0)
                """;
            command.Parameters.AddWithValue("$source", ticketSource);
            command.Parameters.AddWithValue("$opened", dialect.ToDb(changed.AddDays(-2)));
            command.Parameters.AddWithValue("$updated", dialect.ToDb(changed));
            command.ExecuteNonQuery();
        }

        var source = _folder.File("source.db");
        using (var connection = new SqliteConnection($"Data Source={source};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE IF NOT EXISTS tickets (ticket_id TEXT, kind TEXT, opened_at TEXT, updated_at TEXT)";
            command.ExecuteNonQuery();
        }

        var query = _folder.File("legacy.sql");
        File.WriteAllText(query, "SELECT ticket_id, kind, opened_at, updated_at FROM tickets WHERE updated_at > @since ORDER BY updated_at");
        settings["Sync:Sources:0:Name"] = "legacy";
        settings["Sync:Sources:0:Provider"] = "Sqlite";
        settings["Sync:Sources:0:ConnectionString"] = $"Data Source={source};Pooling=False";
        settings["Sync:Sources:0:QueryFile"] = query;
        settings["Delivery:Teams:Workplace:Managers:0"] = "lead@example.org";
        return settings;
    }

    private static async Task<(int Exit, string Output, string Error)> CheckAsync(Dictionary<string, string?> settings, params string[] extra)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await InProcessCli.RunWithOutputAsync(
            b =>
            {
                b.Configuration.AddInMemoryCollection(settings);
                Program.Compose(b);
            },
            ["check", .. extra],
            timeout.Token);
    }

    /// <summary>The one FAIL line of the output; exit 1, and no stack trace anywhere.</summary>
    private static string OneFailure(int exit, string output, string error)
    {
        var because = $"exit {exit}\nstdout:\n{output}\nstderr:\n{error}";
        Assert.True(exit == 1, because);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        var failures = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count == 1, because);
        return failures[0];
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose() => _folder.Dispose();
}
