using Analytics.Demo;
using Analytics.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Support;

/// <summary>
/// The standard demo data set (seed 2026, history up to Sunday 2026-11-22), generated once per test
/// run and shared, and the same data loaded once into a SQLite store for tests that query it.
/// </summary>
public static class DemoData
{
    public static readonly DateOnly LastDay = new(2026, 11, 22);

    private static readonly Lazy<DemoDataSet> Set = new(() => Generate(2026));

    private static readonly Lazy<Task<LoadedDemoStore>> Store = new(LoadAsync);

    private static readonly Dictionary<int, Task<LoadedDemoStore>> Longer = [];

    public static DemoDataSet Default => Set.Value;

    /// <summary>A SQLite store holding <see cref="Default"/>; shared, so tests must only read it.</summary>
    public static Task<LoadedDemoStore> StoreAsync() => Store.Value;

    public static DemoDataSet Generate(int seed, int weeks = 104, int overloadWeeks = 6) =>
        new DemoDataGenerator(TimeProvider.System).Generate(new DemoOptions { Seed = seed, LastDay = LastDay, Weeks = weeks, OverloadWeeks = overloadWeeks });

    /// <summary>The standard demo with its overload lasting <paramref name="overloadWeeks"/> weeks, in a store of its own, made once per length.</summary>
    public static Task<LoadedDemoStore> LongerOverloadStoreAsync(int overloadWeeks)
    {
        lock (Longer)
        {
            if (!Longer.TryGetValue(overloadWeeks, out var store))
            {
                store = LoadAsync(Generate(2026, overloadWeeks: overloadWeeks));
                Longer[overloadWeeks] = store;
            }

            return store;
        }
    }

    private static Task<LoadedDemoStore> LoadAsync() => LoadAsync(Default);

    private static async Task<LoadedDemoStore> LoadAsync(DemoDataSet set)
    {
        var directory = new TempDirectory();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            directory.Dispose();
        };
        var options = new StoreOptions { ConnectionString = $"Data Source={directory.File("demo.db")}" };
        SchemaMigrator.Migrate(options);
        var connections = DbConnectionFactory.Create(options);
        var loader = new DemoDataLoader(new TicketStore(connections), new ActivityStore(connections), new ReferenceStore(connections), new SourceEraser(connections), Options.Create(options));
        await loader.LoadAsync(set, "demo", null, CancellationToken.None);
        return new LoadedDemoStore(options, connections, set);
    }
}

public sealed record LoadedDemoStore(StoreOptions Options, DbConnectionFactory Connections, DemoDataSet Data);
