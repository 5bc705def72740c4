using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Analytics.Import.Api;
using Analytics.Import.Sources;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Import.Api;

/// <summary>The sync's side of API sources, with an in-memory connector: what any connector gets.</summary>
public sealed class ApiSyncTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);
    private readonly PagedConnector _connector = new();
    private readonly ApiSyncHarness _harness;

    public ApiSyncTests()
    {
        _harness = new ApiSyncHarness(_connector, "http://127.0.0.1:9", Now);
        for (var i = 1; i <= 5; i++)
        {
            _connector.Truth.Add(Record($"I-{i}", Now.AddHours(-10 + i), "Service desk"));
        }
    }

    [Fact]
    public async Task EveryPage_IsStored_WithItsEvents_AndTheWatermarkIsTheNewestChange()
    {
        var result = await _harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["I-1", "I-2", "I-3", "I-4", "I-5"], (await _harness.TicketsAsync()).Select(t => t.TicketId));
        Assert.Equal(5, (await _harness.EventsAsync()).Count);
        Assert.Equal(Now.AddHours(-5), await _harness.WatermarkAsync());
        Assert.Equal(3, _connector.PagesServed);
    }

    [Fact]
    public async Task TheRunEndsAtWhatTheLastPageSaysIsComplete_WhenThatIsBeforeTheNewestChange()
    {
        _connector.CompleteCap = Now.AddHours(-7);

        await _harness.SyncAsync();

        Assert.Equal(5, (await _harness.TicketsAsync()).Count);
        Assert.Equal(Now.AddHours(-7), await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task ARerun_ReadsFromTheWatermarkLessTheOverlap_AndStoresNothingTwice()
    {
        await _harness.SyncAsync();
        _connector.Truth[4] = _connector.Truth[4] with { Ticket = _connector.Truth[4].Ticket with { Team = "Workplace", UpdatedAt = Now.AddMinutes(-30) } };

        var again = await _harness.SyncAsync();

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal(Now.AddHours(-5) - TimeSpan.FromMinutes(10), _connector.LastSince);
        Assert.Equal(1, again.Updated);
        Assert.Equal("Workplace", (await _harness.TicketsAsync())[4].Team);
        Assert.Equal(5, (await _harness.EventsAsync()).Count);
        Assert.Equal(Now.AddMinutes(-30), await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task ARunKilledBetweenPages_KeepsWhatItStored_AndTheRerunCompletesIt()
    {
        Assert.Equal(1, await _harness.CrashAfterPagesAsync(1));

        Assert.Equal(["I-1", "I-2"], (await _harness.TicketsAsync()).Select(t => t.TicketId));
        Assert.Equal(Now.AddHours(-8), await _harness.WatermarkAsync());

        var rerun = await _harness.SyncAsync();

        Assert.True(rerun.Succeeded, rerun.Error);
        Assert.Equal(5, (await _harness.TicketsAsync()).Count);
        Assert.Equal(5, (await _harness.EventsAsync()).Count);
        Assert.Equal(Now.AddHours(-5), await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task BadRecords_AndRecordsFromTheFuture_AreQuarantined_TheRestStored()
    {
        _connector.Problems.Add(new ApiRecordProblem("I-99", "creationDate", "yesterday", "not a date"));
        _connector.Truth.Add(Record("I-6", Now.AddHours(3), "Service desk"));

        var result = await _harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(5, (await _harness.TicketsAsync()).Count);
        var quarantine = await _harness.QuarantineAsync();
        Assert.Contains(quarantine, q => q.FileName == "desk ticket I-99" && q.Field == "creationDate" && q.Reason == "not a date");
        Assert.Contains(quarantine, q => q.FileName == "desk ticket I-6" && q.Reason.Contains("in the future", StringComparison.Ordinal));
        Assert.Equal(Now.AddHours(-5), await _harness.WatermarkAsync());
    }

    [Fact]
    public async Task TheRosterTables_AreStored_AsARosterFileWouldBe()
    {
        _connector.Roster.Add(new ApiRosterTable(["Team", "Manager e-mails"], [["Service desk", "lead@example.org"], ["Workplace", ""]]));
        _connector.Roster.Add(new ApiRosterTable(["Name", "Team"], [["Ann Smit", "Service desk"], ["", "Workplace"]]));

        await _harness.SyncAsync();

        var teams = await _harness.TeamsAsync();
        Assert.Equal(["Service desk", "Workplace"], teams.Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["Ann Smit"], (await _harness.AgentsAsync()).Select(a => a.Name));
        Assert.Contains(await _harness.QuarantineAsync(), q => q.FileName.StartsWith("desk roster", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProviderWithoutAConnector_FailsTheSource_WithOneLine()
    {
        using var harness = new ApiSyncHarness(_connector, "http://127.0.0.1:9", Now, s => s.Provider = SourceProvider.Zendesk);

        var result = await harness.SyncAsync();

        Assert.False(result.Succeeded);
        Assert.Contains("no connector for provider 'Zendesk'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APreview_CountsWhatASyncWouldRead_AndStoresNothing()
    {
        await _harness.SyncAsync();
        _connector.Truth.Add(Record("I-6", Now.AddMinutes(-20), "Workplace"));
        var watermark = await _harness.WatermarkAsync();
        var preview = new ApiSourcePreview(
            new ApiConnectors([_connector]),
            _harness.State,
            Microsoft.Extensions.Options.Options.Create(new SyncOptions { Sources = [_harness.Source] }),
            _harness.Clock);

        var seen = await preview.ReadAsync(_harness.Source, null, roster: true, sampleSize: 1, default);
        var firstPage = await preview.ReadAsync(_harness.Source, 1, roster: false, sampleSize: 5, default);

        Assert.Equal(2, seen.Records);
        Assert.True(seen.Complete);
        Assert.Equal("I-5", Assert.Single(seen.Sample).Ticket.TicketId);
        Assert.Equal(0, seen.RosterRows);
        Assert.False(firstPage.Complete);
        Assert.Null(firstPage.RosterRows);
        Assert.Equal(5, (await _harness.TicketsAsync()).Count);
        Assert.Equal(watermark, await _harness.WatermarkAsync());
    }

    public void Dispose() => _harness.Dispose();

    private static ApiTicket Record(string id, DateTimeOffset updated, string team)
    {
        var ticket = new Ticket { Source = "desk", TicketId = id, Kind = TicketKind.Incident, OpenedAt = updated.AddHours(-1), UpdatedAt = updated, Team = team };
        var opened = new TicketEvent { Source = "desk", TicketId = id, OccurredAt = ticket.OpenedAt, Kind = TicketEventKind.TeamAssignment, ToValue = team };
        return new ApiTicket(ticket, [opened]);
    }

    /// <summary>Serves its truth changed at or after the request's Since, two records a page, in change order.</summary>
    private sealed class PagedConnector : ITicketApiConnector
    {
        public List<ApiTicket> Truth { get; } = [];

        public List<ApiRecordProblem> Problems { get; } = [];

        public List<ApiRosterTable> Roster { get; } = [];

        public int PagesServed { get; private set; }

        public DateTimeOffset LastSince { get; private set; }

        /// <summary>The most any page says is complete (a connector that read a second list up to then).</summary>
        public DateTimeOffset? CompleteCap { get; set; }

        public SourceProvider Provider => SourceProvider.TOPdesk;

        public AuthenticationHeaderValue Authorization(ApiSourceOptions options) => ApiClient.Basic(options.User, options.Secret);

        public async IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            LastSince = request.Since;
            var changed = Truth.Where(t => t.Ticket.UpdatedAt >= request.Since).OrderBy(t => t.Ticket.UpdatedAt).ToList();
            for (var i = 0; i < changed.Count; i += 2)
            {
                await Task.Yield();
                PagesServed++;
                var page = changed.Skip(i).Take(2).ToList();
                var complete = page[^1].Ticket.UpdatedAt;
                yield return new ApiPage(page, i == 0 ? Problems : [], CompleteCap is { } cap && cap < complete ? cap : complete);
            }
        }

        public Task<IReadOnlyList<ApiRosterTable>> ReadRosterAsync(ApiReadRequest request, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ApiRosterTable>>(Roster);
    }
}
