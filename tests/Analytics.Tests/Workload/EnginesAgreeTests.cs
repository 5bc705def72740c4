using System.Reflection;
using Analytics.Calendar;
using Analytics.Demo;
using Analytics.Recognition;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Workload;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Workload;

/// <summary>
/// The workload pass, the ledger and recognition on the same demo history in SQLite and in
/// PostgreSQL give the same figures: their SQL differs per dialect, their answers may not.
/// </summary>
[Collection(PostgresServerCollectionDefinition.Name)]
public sealed class EnginesAgreeTests(PostgresServer server)
{
    [Fact]
    public async Task SqliteAndPostgres_GiveTheSameWeeklyMetricsLedgerAndHighlights()
    {
        var data = DemoData.Generate(21, weeks: 20);
        using var folder = new TempDirectory();
        var sqlite = new StoreOptions { ConnectionString = $"Data Source={folder.File("engines.db")};Pooling=False" };
        var database = await server.CreateDatabaseAsync("engines");
        var postgres = new StoreOptions { Provider = StoreProvider.Postgres, ConnectionString = server.ConnectionString(database) };
        try
        {
            var first = data.Scenario.FirstWeek;
            var last = data.Scenario.LastWeek;
            var a = await ComputeAsync(sqlite, data, first, last);
            var b = await ComputeAsync(postgres, data, first, last);

            Assert.Equal(a.History.TeamWeeks.Count, b.History.TeamWeeks.Count);
            foreach (var week in a.History.TeamWeeks)
            {
                AssertSame(week, b.History.Team(week.Team, week.Week));
            }

            foreach (var agent in a.History.AgentWeeks)
            {
                AssertSame(agent, b.History.Agent(agent.Agent, agent.Week));
            }

            foreach (var team in a.Ledger.Teams.Append("Department"))
            {
                var x = a.Ledger.For(team, first, last);
                var y = b.Ledger.For(team, first, last);
                Assert.Equal(x.Lines.Select(l => l.Count), y.Lines.Select(l => l.Count));
                Assert.Equal(x.TotalHours, y.TotalHours, 6);
            }

            Assert.NotEmpty(a.Recognition.Highlights);
            Assert.Equal(a.Recognition.Highlights.OrderBy(h => h.Team + h.Agent + h.Text), b.Recognition.Highlights.OrderBy(h => h.Team + h.Agent + h.Text));
            Assert.Equal(a.Recognition.ThankYous.Count, b.Recognition.ThankYous.Count);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            await server.DropDatabaseAsync(database);
        }
    }

    private static async Task<(WorkloadHistory History, WorkLedger Ledger, RecognitionResult Recognition)> ComputeAsync(StoreOptions options, DemoDataSet data, IsoWeek first, IsoWeek last)
    {
        SchemaMigrator.Migrate(options);
        var c = DbConnectionFactory.Create(options);
        var reference = new ReferenceStore(c);
        await new DemoDataLoader(new TicketStore(c), new ActivityStore(c), reference, new SourceEraser(c), Options.Create(options)).LoadAsync(data, "demo", null, CancellationToken.None);
        var holidays = new DutchHolidayCalendar();
        var workload = Options.Create(new WorkloadOptions());
        var invisible = Options.Create(new InvisibleWorkOptions());
        var classifier = new WorkClassifier(invisible);
        var history = await new WorkloadCalculator(c, new Analytics.Roster.RosterReader(c, reference), holidays, workload).ComputeAsync(first, last, CancellationToken.None);
        var ledger = await new WorkLedgerCalculator(c, reference, classifier, holidays, invisible, workload).ComputeAsync(first, last, CancellationToken.None);
        var recognition = await new RecognitionCalculator(c, reference, new ActivityStore(c), classifier, holidays, invisible, workload).ComputeAsync(first, last, CancellationToken.None);
        return (history, ledger, recognition);
    }

    /// <summary>Property by property; sums of hours may differ in the last bits when rows arrive in another order.</summary>
    private static void AssertSame<T>(T expected, T? actual)
    {
        Assert.NotNull(actual);
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var x = property.GetValue(expected);
            var y = property.GetValue(actual);
            if (x is double dx)
            {
                Assert.True(Math.Abs(dx - (double)y!) < 1e-6, $"{property.Name}: {dx} vs {y}");
            }
            else
            {
                Assert.True(Equals(x, y) || (x is double? && Math.Abs(((double?)x ?? 0) - ((double?)y ?? 0)) < 1e-6), $"{typeof(T).Name}.{property.Name}: {x} vs {y} ({expected})");
            }
        }
    }
}
