using Analytics.Storage;
using Analytics.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Worker.Checks;
using Worker.Delivery;
using Worker.Jobs;
using Worker.Tests.Support;

namespace Worker.Tests.Checks;

/// <summary>The store check and the failure streaks on a PostgreSQL store (their SQL differs in what the engine accepts).</summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class PostgresCheckTests(PostgresServer server) : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task MigratedPostgresStore_PassesTheStoreCheck()
    {
        var store = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(await server.CreateDatabaseAsync("check")) };
        SchemaMigrator.Migrate(store);

        var result = await StoreCheck.RunAsync(store, CancellationToken.None);

        Assert.True(result.Status == CheckStatus.Ok, result.ToString());
    }

    [Fact]
    public async Task UnmigratedPostgresStore_FailsSayingTheWorkerMigratesIt()
    {
        var store = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(await server.CreateDatabaseAsync("empty")) };

        var result = await StoreCheck.RunAsync(store, CancellationToken.None);

        Assert.Equal("FAIL store: the store (Postgres) opens but has no schema; start the worker once (it migrates the store at start).", result.ToString());
    }

    [Fact]
    public async Task FailFailFailSucceedFail_TwoAlertsAndOneRecoveryNote()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Store:Provider"] = "Postgres";
        settings["Store:ConnectionString"] = server.ConnectionString(await server.CreateDatabaseAsync("alerts"));
        settings["Delivery:Operators:0"] = "Ops <ops@example.org>";
        settings["Delivery:Operators:1"] = "oncall@example.org";
        SchemaMigrator.Migrate(new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = settings["Store:ConnectionString"]! });
        using var host = TestSettings.BuildHost(settings);
        var services = host.Services;
        var runs = services.GetRequiredService<JobRunLog>();
        var outbox = services.GetRequiredService<Outbox>();
        var alerts = new JobFailureAlerts(services.GetRequiredService<IDbConnectionFactory>(), outbox, services.GetRequiredService<IOptions<DeliveryOptions>>());

        var run = 0;
        foreach (var outcome in new[] { "failed", "failed", "failed", "succeeded", "failed" })
        {
            var id = $"fire-{++run}";
            await runs.StartedAsync(id, "sync", null, "test", recovering: false, CancellationToken.None);
            var error = outcome == "failed" ? $"Sync failed for legacy: run {run}" : null;
            await runs.FinishedAsync(id, outcome, error, CancellationToken.None);
            await alerts.RunEndedAsync("sync", id, outcome, error, CancellationToken.None);
            await Task.Delay(5);
        }

        var mails = (await outbox.GetAsync(null, CancellationToken.None)).Where(m => m.Key.Scope == "job:sync").ToList();
        string[] expected = ["job-failed oncall@example.org", "job-failed oncall@example.org", "job-failed ops@example.org", "job-failed ops@example.org", "job-recovered oncall@example.org", "job-recovered ops@example.org"];
        Assert.Equal(
            expected,
            mails.Select(m => $"{m.Key.ReportKind} {m.Key.Recipient}").Order(StringComparer.Ordinal));
        // Two streaks: the recovery note is keyed by the first one's start, the second alert by its own.
        var failedPeriods = mails.Where(m => m.Key.ReportKind == JobFailureAlerts.FailedKind).Select(m => m.Key.Period).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, failedPeriods.Count);
        Assert.Equal(failedPeriods[0], mails.First(m => m.Key.ReportKind == JobFailureAlerts.RecoveredKind).Key.Period);
        Assert.Equal("Job 'sync' failed", mails[0].Subject);
    }

    public void Dispose() => _folder.Dispose();
}
