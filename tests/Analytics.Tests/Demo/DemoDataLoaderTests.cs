using Analytics.Demo;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Demo;

public sealed class DemoDataLoaderTests : IDisposable
{
    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task Load_Twice_KeepsOneCopyAndLeavesOtherSourcesAlone()
    {
        var data = DemoData.Generate(11, weeks: 20);
        var other = new Ticket { Source = "servicenow", TicketId = "INC0000001", Kind = TicketKind.Incident, OpenedAt = data.Scenario.AsOf.AddDays(-3), UpdatedAt = data.Scenario.AsOf.AddDays(-3) };
        await _store.Tickets.UpsertAsync([other], CancellationToken.None);
        var loader = Loader();

        var first = await loader.LoadAsync(data, "demo", null, CancellationToken.None);
        var second = await loader.LoadAsync(data, "demo", null, CancellationToken.None);

        Assert.Equal(data.Tickets.Count, first.Tickets);
        Assert.Equal(first, second);
        Assert.Equal(data.Tickets.Count + 1, await _store.Tickets.CountAsync(CancellationToken.None));
        Assert.Equal(data.TimeEntries.Count, (await _store.Activity.GetTimeEntriesAsync(CancellationToken.None)).Count);
        Assert.Equal(data.Feedback.Count, (await _store.Activity.GetFeedbackAsync(CancellationToken.None)).Count);
        Assert.Equal(data.Agents.Count, (await _store.Reference.GetAgentsAsync(CancellationToken.None)).Count);
        Assert.NotNull(await _store.Tickets.GetAsync("servicenow", "INC0000001", CancellationToken.None));
        var sample = data.Tickets[data.Tickets.Count / 2];
        Assert.Equal(sample, await _store.Tickets.GetAsync("demo", sample.TicketId, CancellationToken.None));
    }

    [Fact]
    public async Task Load_ADataSetOfAnotherDay_ReplacesThePreviousDemo()
    {
        var loader = Loader();
        var earlier = new DemoDataGenerator(TimeProvider.System).Generate(new DemoOptions { Seed = 3, LastDay = new DateOnly(2026, 6, 7), Weeks = 20 });
        var later = DemoData.Generate(3, weeks: 20);

        await loader.LoadAsync(earlier, "demo", null, CancellationToken.None);
        await loader.LoadAsync(later, "demo", null, CancellationToken.None);

        Assert.Equal(later.Tickets.Count, await _store.Tickets.CountAsync(CancellationToken.None));
        var stored = await _store.Activity.GetArticlesAsync(CancellationToken.None);
        Assert.Equal(later.Articles.Select(a => a.ArticleId).Order(), stored.Select(a => a.ArticleId).Order());
    }

    private DemoDataLoader Loader() =>
        new(_store.Tickets, _store.Activity, _store.Reference, new SourceEraser(_store.Connections), Options.Create(_store.Options));

    public void Dispose() => _store.Dispose();
}
