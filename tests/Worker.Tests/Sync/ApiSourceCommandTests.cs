using System.Text;
using Analytics.Storage;
using Analytics.Tests.Import.Api.Topdesk;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Worker.Cli;
using Worker.Tests.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Sync;

/// <summary>
/// An API source as the operator meets it: <c>check</c>, <c>sync --dry-run</c> and <c>sync</c> against a TOPdesk
/// on loopback, with the secret from the environment; nothing of the secret reaches the screen.
/// </summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class ApiSourceCommandTests : IDisposable
{
    private const string Secret = "app-pw-4f7e-91c2";
    private static readonly DateTimeOffset Changed = TimeProvider.System.GetUtcNow().AddDays(-2);
    private readonly TempDirectory _folder = new();
    private readonly TopdeskStandIn _topdesk = new();

    public ApiSourceCommandTests()
    {
        for (var i = 1; i <= 5; i++)
        {
            _topdesk.Incidents.Enqueue(new FakeIncident { Number = $"I 2611 00{i}", Called = Changed.AddHours(i - 3), Modified = Changed.AddHours(i), Operator = "Ana de Vries", Closed = i == 1 ? Changed.AddHours(i) : null });
        }

        _topdesk.Groups.Add(new FakeGroup("g1", "Servicedesk"));
        _topdesk.Operators.Add(new FakeOperator("o1", "Ana de Vries", ["g1"]));
    }

    [Fact]
    public async Task Check_ReachesTheApi_CountsTheChangesSinceTheWatermark_AndShowsASample_WithoutTheSecret()
    {
        var settings = Settings();
        Assert.Equal(0, (await RunAsync(settings, "sync")).Exit);
        _topdesk.Incidents.Enqueue(new FakeIncident { Number = "I 2611 006", Called = Changed.AddHours(6), Modified = Changed.AddHours(6), Group = "Werkplekbeheer" });

        var (exit, output, error) = await RunAsync(settings, "check");

        var line = output.Split('\n').Single(l => l.Contains("source 'topdesk'", StringComparison.Ordinal));
        Assert.True(exit == 0, $"{output}\n{error}");
        var since = Changed.AddHours(5).AddMinutes(-10).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith($"ok   source 'topdesk': TOPdesk API reached at {_topdesk.BaseUrl}; 2 records changed since {since} UTC", line, StringComparison.Ordinal);
        Assert.Contains("e.g. I 2611 005, incident, team 'Servicedesk', assignee set, opened ", line, StringComparison.Ordinal);
        Assert.Contains("priority 'P3', 1 event;", line, StringComparison.Ordinal);
        Assert.Contains("roster: 2 rows", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana de Vries", line, StringComparison.Ordinal);
        AssertNoSecret(output + error);
    }

    [Fact]
    public async Task Check_WithARefusedPassword_IsOneFailLine()
    {
        var settings = Settings();
        Assert.Equal(0, (await RunAsync(settings, "sync")).Exit);
        _topdesk.RefuseNext();

        var (exit, output, error) = await RunAsync(settings, "check");

        Assert.Equal(1, exit);
        var fail = Assert.Single(output.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.StartsWith("FAIL source 'topdesk': Source 'topdesk': the API refused the credentials (401); check Api:User and Api:Secret", fail, StringComparison.Ordinal);
        Assert.EndsWith("(settings: Sync:Sources:0:Api).", fail.TrimEnd(), StringComparison.Ordinal);
        AssertNoSecret(output + error);
    }

    [Fact]
    public async Task DryRun_StoresNothing_ThenSync_StoresEveryIncident_WithTheSecretFromTheEnvironment()
    {
        var settings = Settings();

        var (dryExit, dryOutput, dryError) = await RunAsync(settings, "sync", "--dry-run");

        Assert.True(dryExit == 0, $"{dryOutput}\n{dryError}");
        Assert.Contains("topdesk: TOPdesk API at", dryOutput, StringComparison.Ordinal);
        Assert.Contains("5 records changed since 1900-01-01 00:00 UTC, 0 of them unreadable; roster: 2 rows. Nothing was stored.", dryOutput, StringComparison.Ordinal);
        Assert.Contains("  I 2611 001, incident, team 'Servicedesk', assignee set", dryOutput, StringComparison.Ordinal);
        Assert.Equal(0, CountTickets(settings));

        var (exit, output, error) = await RunAsync(settings, "sync");

        Assert.True(exit == 0, $"{output}\n{error}");
        Assert.Equal(5, CountTickets(settings));
        var basic = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("workload-api:" + Secret));
        Assert.All(_topdesk.Authorizations, a => Assert.Equal(basic, a));
        AssertNoSecret(dryOutput + dryError + output + error);
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = TestSettings.Embedded(_folder.Path);

        // check reports on an installed store: one that a first run has created.
        SchemaMigrator.Migrate(new StoreOptions { Provider = StoreProvider.Sqlite, ConnectionString = settings["Store:ConnectionString"]! });
        settings["Sync:Sources:0:Name"] = "topdesk";
        settings["Sync:Sources:0:Provider"] = "TOPdesk";
        settings["Sync:Sources:0:TimeZone"] = "Europe/Amsterdam";
        settings["Sync:Sources:0:Api:BaseUrl"] = _topdesk.BaseUrl;
        settings["Sync:Sources:0:Api:User"] = "workload-api";
        settings["Sync:Sources:0:Api:Tables:0"] = "incidents";
        settings["Delivery:Teams:Servicedesk:Managers:0"] = "lead@example.org";
        return settings;
    }

    /// <summary>The command line with these settings and the secret where an operator puts it: the environment.</summary>
    private static async Task<(int Exit, string Output, string Error)> RunAsync(Dictionary<string, string?> settings, params string[] args)
    {
        Environment.SetEnvironmentVariable("Sync__Sources__0__Api__Secret", Secret);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            return await InProcessCli.RunWithOutputAsync(
                b =>
                {
                    b.Configuration.AddInMemoryCollection(settings);
                    Program.Compose(b);
                },
                args,
                timeout.Token);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Sync__Sources__0__Api__Secret", null);
        }
    }

    private static long CountTickets(Dictionary<string, string?> settings)
    {
        using var connection = new SqliteConnection(settings["Store:ConnectionString"]);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM tickets WHERE source = 'topdesk'";
        return (long)command.ExecuteScalar()!;
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes("workload-api:" + Secret)), text, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _topdesk.Dispose();
        _folder.Dispose();
    }
}
