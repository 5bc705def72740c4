using System.Diagnostics;
using System.Runtime.CompilerServices;
using Analytics.Import;
using Analytics.Import.Api;
using Analytics.Import.Sources;
using Analytics.Roster;
using Analytics.Tickets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Support;

/// <summary>
/// Syncs one API source into a real SQLite store through the production <see cref="TicketSync"/>, and reads
/// back what was stored: the end-to-end check every connector's tests share. The clock starts at
/// <see cref="Now"/> and runs in real time, so a 429's Retry-After or a 503's backoff is really waited out.
/// </summary>
public sealed class ApiSyncHarness : IDisposable
{
    private readonly SqliteTestStore _store = new();
    private readonly ITicketApiConnector _connector;
    private readonly SyncOptions _options;

    public ApiSyncHarness(ITicketApiConnector connector, string baseUrl, DateTimeOffset now, Action<TicketSourceOptions>? configure = null)
    {
        _connector = connector;
        Clock = new RunningClock(now);
        Source = new TicketSourceOptions
        {
            Name = "desk",
            Provider = connector.Provider,
            TimeZone = "Europe/Amsterdam",
            Api = new ApiSourceOptions { BaseUrl = baseUrl, User = "reader", Secret = "s3cret-token", PageSize = 2, MaxRetries = 3, MaxRetryWait = TimeSpan.FromSeconds(3) },
        };
        configure?.Invoke(Source);
        _options = new SyncOptions { Sources = [Source], RetryDelay = TimeSpan.Zero, MaxAttempts = 1 };
        State = new SyncStateStore(_store.Connections, Clock);
    }

    public TicketSourceOptions Source { get; }

    public RunningClock Clock { get; }

    public SyncStateStore State { get; }

    public SqliteTestStore Store => _store;

    /// <summary>One sync run of the source, as the hourly job runs it.</summary>
    public Task<SourceSyncResult> SyncAsync(CancellationToken cancellationToken = default) =>
        Sync(_connector).SyncAsync(Source, cancellationToken);

    /// <summary>
    /// A run that dies after <paramref name="pages"/> pages were stored, as a killed worker would: the next
    /// page is never asked for and nothing after it runs. Returns how many pages the run had stored.
    /// </summary>
    public async Task<int> CrashAfterPagesAsync(int pages)
    {
        using var crash = new CancellationTokenSource();
        var dying = new DyingConnector(_connector, pages, crash);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Sync(dying).SyncAsync(Source, crash.Token));
        return dying.Delivered;
    }

    public async Task<IReadOnlyList<Ticket>> TicketsAsync()
    {
        var all = new List<Ticket>();
        await foreach (var ticket in _store.Tickets.ReadAllAsync(default))
        {
            if (ticket.Source == Source.Name)
            {
                all.Add(ticket);
            }
        }

        return [.. all.OrderBy(t => t.TicketId, StringComparer.Ordinal)];
    }

    public async Task<IReadOnlyList<TicketEvent>> EventsAsync()
    {
        var all = new List<TicketEvent>();
        foreach (var ticket in await TicketsAsync())
        {
            all.AddRange(await _store.Tickets.GetEventsAsync(Source.Name, ticket.TicketId, default));
        }

        return all;
    }

    public Task<IReadOnlyList<QuarantinedRow>> QuarantineAsync() => _store.Ledger.GetQuarantineAsync(null, default);

    public Task<IReadOnlyList<Team>> TeamsAsync() => _store.Reference.GetTeamsAsync(default);

    public Task<IReadOnlyList<Agent>> AgentsAsync() => _store.Reference.GetAgentsAsync(default);

    public async Task<DateTimeOffset?> WatermarkAsync() => (await State.GetAsync(Source.Name, default))?.Watermark;

    private TicketSync Sync(ITicketApiConnector connector) => new(
        _store.Tickets,
        State,
        _store.Ledger,
        Options.Create(_options),
        new RosterSync(new RosterImporter(_store.Reference, _store.Ledger), NullLogger<RosterSync>.Instance),
        Clock,
        NullLogger<TicketSync>.Instance,
        null,
        new ApiConnectors([connector]));

    public void Dispose() => _store.Dispose();

    /// <summary>A clock that starts where the test says and runs in real time, so waits really pass.</summary>
    public sealed class RunningClock(DateTimeOffset start) : TimeProvider
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private TimeSpan _jump;

        /// <summary>Moves the clock on (between syncs: "an hour later").</summary>
        public void Advance(TimeSpan by) => _jump += by;

        public override DateTimeOffset GetUtcNow() => start + _jump + Stopwatch.GetElapsedTime(_started);
    }

    /// <summary>Passes pages through until the given number were delivered, then dies asking for the next.</summary>
    private sealed class DyingConnector(ITicketApiConnector inner, int pages, CancellationTokenSource crash) : ITicketApiConnector
    {
        public int Delivered { get; private set; }

        public SourceProvider Provider => inner.Provider;

        public System.Net.Http.Headers.AuthenticationHeaderValue Authorization(ApiSourceOptions options) => inner.Authorization(options);

        public async IAsyncEnumerable<ApiPage> ReadChangedAsync(ApiReadRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var page in inner.ReadChangedAsync(request, cancellationToken))
            {
                if (Delivered == pages)
                {
                    await crash.CancelAsync();
                    crash.Token.ThrowIfCancellationRequested();
                }

                Delivered++;
                yield return page;
            }

            Assert.Fail($"The source had only {Delivered} pages; the crash after {pages} never came.");
        }

        public Task<IReadOnlyList<ApiRosterTable>> ReadRosterAsync(ApiReadRequest request, CancellationToken cancellationToken) =>
            inner.ReadRosterAsync(request, cancellationToken);
    }
}
